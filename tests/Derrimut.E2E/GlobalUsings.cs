global using Derrimut.E2E.Infrastructure;
global using Derrimut.Web.Tests.Account;
global using Microsoft.Playwright;
global using Shouldly;
global using Xunit;
