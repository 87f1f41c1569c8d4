global using Derrimut.Billing.Contracts;
global using Derrimut.BuildingBlocks.Errors;
global using Microsoft.Extensions.DependencyInjection;
global using System.Diagnostics.CodeAnalysis;
