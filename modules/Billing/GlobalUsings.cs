global using Derrimut.Billing.Contracts;
global using Derrimut.BuildingBlocks.Errors;
global using Microsoft.Extensions.DependencyInjection;
global using System.Diagnostics.CodeAnalysis;
global using Derrimut.BuildingBlocks.Data;
global using Derrimut.BuildingBlocks.Tenancy;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
