global using Derrimut.BuildingBlocks;
global using Derrimut.BuildingBlocks.Tenancy;
global using Derrimut.BuildingBlocks.Money;
