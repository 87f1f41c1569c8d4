global using Derrimut.Billing.Contracts;
global using Derrimut.Billing.Tests.Support;
global using Shouldly;
global using Xunit;
global using Derrimut.BuildingBlocks.Money;
global using Derrimut.BuildingBlocks.Events;
