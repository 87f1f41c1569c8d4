global using Derrimut.BuildingBlocks;
global using Derrimut.BuildingBlocks.Tenancy;
