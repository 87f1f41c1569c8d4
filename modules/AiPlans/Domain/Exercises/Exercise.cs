namespace Derrimut.AiPlans.Domain.Exercises;

/// <summary>The major muscle groups the WHO and ACSM guidance counts (each trained on at least 2 days a week).</summary>
internal enum MuscleGroup
{
    Chest,
    Back,
    Shoulders,
    Legs,
    Core,
    Arms,
}

internal enum ExerciseKind
{
    /// <summary>Multi-joint resistance exercise.</summary>
    Compound,

    /// <summary>Single-joint resistance exercise.</summary>
    Isolation,

    /// <summary>Trunk exercise; timed when <see cref="Exercise.Timed"/>.</summary>
    Core,

    /// <summary>Aerobic work prescribed by duration.</summary>
    Cardio,

    /// <summary>Mobility work prescribed by duration.</summary>
    Mobility,
}

/// <param name="Id">Stable slug, used as <c>exerciseId</c> in plans.</param>
/// <param name="Movements">Every injury-relevant movement the exercise involves.</param>
/// <param name="MinLevel">The lowest training level the exercise is prescribed at.</param>
/// <param name="Timed">Prescribed by duration rather than reps (planks, cardio, mobility).</param>
/// <param name="Cue">One coaching cue, shown in the exercise notes.</param>
internal sealed record Exercise(
    string Id,
    string Name,
    IReadOnlySet<MuscleGroup> Muscles,
    IReadOnlySet<Movement> Movements,
    ExerciseKind Kind,
    Input.FitnessLevel MinLevel,
    bool Timed,
    string Cue);
