namespace Derrimut.AiPlans.Domain.Targets;

/// <summary>
/// A plan's energy figures in whole kilocalories per day, with the working shown in <see cref="Method"/> so a
/// member or trainer can check the arithmetic by hand.
/// </summary>
internal sealed record Energy(int Bmr, int Tdee, int TargetCalories, string Method);
