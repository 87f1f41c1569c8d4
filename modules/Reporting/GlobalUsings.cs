global using Derrimut.BuildingBlocks.Data;
global using Derrimut.BuildingBlocks.Errors;
global using Derrimut.BuildingBlocks.Money;
global using Derrimut.BuildingBlocks.Tenancy;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using System.Globalization;
