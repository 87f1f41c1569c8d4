namespace Derrimut.AiPlans.Tests;

public sealed class SmokeShould
{
    [Fact]
    public void Run() => 1.ShouldBe(1);
}
