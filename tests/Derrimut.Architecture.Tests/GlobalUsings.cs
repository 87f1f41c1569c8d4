global using System.Reflection;
global using Shouldly;
global using Xunit;
