global using System.Text.Json;
global using Derrimut.AiPlans.Domain.Input;
global using Shouldly;
global using Xunit;
