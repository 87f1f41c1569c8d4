global using Derrimut.BuildingBlocks.Tenancy;
global using Shouldly;
global using Xunit;
global using Microsoft.Extensions.DependencyInjection;
