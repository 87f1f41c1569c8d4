global using System.Globalization;
global using Shouldly;
global using Xunit;
