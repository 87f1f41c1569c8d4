using Derrimut.AiPlans.Domain.Exercises;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Plans;
using static Derrimut.AiPlans.Domain.Exercises.ExerciseSlot;

namespace Derrimut.AiPlans.Domain.Generation;

internal enum SessionType
{
    FullBodyA,
    FullBodyB,
    Upper,
    Lower,
    Push,
    Pull,
    Legs,
    Conditioning,
}

/// <summary>
/// Builds the weekly workout plan: a split chosen by level and days, exercises chosen per slot with injuries
/// excluded, and volume from the ACSM position stand on resistance-training progression (2009, Med Sci Sports
/// Exerc 41(3)): novices 1–3 sets of 8–12; hypertrophy multiple sets of 6–12 with 1–2 min rest (2–3 min on heavy
/// compounds); muscular endurance 10–25 reps with short rests. Every split gives each major muscle group at
/// least two sessions a week once there are two or more training days (WHO 2020; ACSM 2–3 days per group).
/// </summary>
internal static class WorkoutProgrammer
{
    private static readonly Dictionary<SessionType, ExerciseSlot[]> SessionSlots = new()
    {
        [SessionType.FullBodyA] = [Squat, HorizontalPush, HorizontalPull, VerticalPush, Hinge, CoreAntiExtension],
        [SessionType.FullBodyB] = [Hinge, VerticalPull, SecondaryPush, SingleLeg, ShoulderAccessory, CoreStability],
        [SessionType.Upper] = [HorizontalPush, HorizontalPull, VerticalPush, VerticalPull, Biceps, Triceps],
        [SessionType.Lower] = [Squat, Hinge, SingleLeg, Calves, CoreAntiExtension, CoreStability],
        [SessionType.Push] = [HorizontalPush, VerticalPush, SecondaryPush, ShoulderAccessory, Triceps, CoreAntiExtension],
        [SessionType.Pull] = [VerticalPull, HorizontalPull, RearDelt, Biceps, CoreStability],
        [SessionType.Legs] = [Squat, Hinge, SingleLeg, Calves, CoreAntiExtension],
        [SessionType.Conditioning] = [Cardio, CoreStability, CoreAntiExtension, Mobility],
    };

    public static WorkoutPlan Build(PlanRequest request, uint seed)
    {
        var weekdays = TrainingWeek.DaysFor(request);
        var (split, sessions) = ChooseSplit(request.Goal, request.Level, weekdays.Count);
        var injuries = request.DistinctInjuries;
        var occurrences = new Dictionary<ExerciseSlot, int>();
        var days = new List<WorkoutDay>();

        for (var index = 0; index < weekdays.Count; index++)
        {
            var session = sessions[index];
            var slots = SessionSlots[session].ToList();
            if (session != SessionType.Conditioning && request.Goal != FitnessGoal.BuildMuscle)
            {
                slots.Add(Finisher);
            }

            var used = new HashSet<Exercise>(ReferenceEqualityComparer.Instance);
            var exercises = new List<PlannedExercise>();
            var strengthCount = 0;
            foreach (var slot in slots)
            {
                var occurrence = occurrences.GetValueOrDefault(slot);
                occurrences[slot] = occurrence + 1;
                var (exercise, substituteNote) = Choose(slot, request.Level, injuries, used, occurrence, seed);
                used.Add(exercise);
                var isPrimary = exercise.Kind is ExerciseKind.Compound or ExerciseKind.Isolation && strengthCount++ < 2;
                exercises.Add(Prescribe(exercise, isPrimary, slot, request, substituteNote));
            }

            days.Add(new WorkoutDay(weekdays[index].ToString(), Focus(session), exercises));
        }

        return new WorkoutPlan(split, [.. weekdays.Select(day => day.ToString())], days, Notes(request, weekdays, sessions));
    }

    /// <summary>The split for the goal, level and number of days, one session per training day in order.</summary>
    public static (string Split, IReadOnlyList<SessionType> Sessions) ChooseSplit(FitnessGoal goal, FitnessLevel level, int days)
    {
        if (goal == FitnessGoal.Endurance)
        {
            // Endurance: two or three full-body strength sessions support running/cycling economy and injury
            // resilience; the remaining days are aerobic sessions.
            var strengthDays = days <= 1 ? 1 : days <= 4 ? 2 : 3;
            return strengthDays == days
                ? ("Full body (strength for endurance)", FullBody(days))
                : ("Full body strength + aerobic conditioning", Interleave(days, strengthDays));
        }

        if (days <= 3)
        {
            return ("Full body", FullBody(days));
        }

        if (days == 4)
        {
            return ("Upper/lower", [SessionType.Upper, SessionType.Lower, SessionType.Upper, SessionType.Lower]);
        }

        if (level == FitnessLevel.Beginner)
        {
            // Beginners recover best on three full-body days; extra days become light conditioning.
            return ("Full body + conditioning", Interleave(days, 3));
        }

        return days switch
        {
            5 => ("Upper/lower + push/pull/legs", [SessionType.Upper, SessionType.Lower, SessionType.Push, SessionType.Pull, SessionType.Legs]),
            6 => ("Push/pull/legs", [SessionType.Push, SessionType.Pull, SessionType.Legs, SessionType.Push, SessionType.Pull, SessionType.Legs]),
            _ => ("Push/pull/legs + conditioning", [SessionType.Push, SessionType.Pull, SessionType.Legs, SessionType.Conditioning, SessionType.Push, SessionType.Pull, SessionType.Legs]),
        };
    }

    /// <summary>The best allowed exercise for a slot: at or below the member's level, safe for every stated
    /// injury, not already used today; alternating between the two best candidates across the week.</summary>
    public static (Exercise Exercise, string? SubstituteNote) Choose(
        ExerciseSlot slot,
        FitnessLevel level,
        IReadOnlyList<InjuryKind> injuries,
        IReadOnlySet<Exercise> usedToday,
        int occurrence,
        uint seed)
    {
        var atLevel = ExerciseLibrary.Candidates[slot].Where(exercise => exercise.MinLevel <= level).ToList();
        var allowed = atLevel.Where(exercise => InjuryRules.IsSafe(exercise, injuries) && !usedToday.Contains(exercise)).ToList();
        if (allowed.Count == 0)
        {
            throw new InvalidOperationException($"The exercise library has no safe candidate for slot {slot}.");
        }

        // Rotation only between the two most preferred allowed candidates: variety without drifting to the
        // least suitable option. The seed decides which comes first so plans differ between members.
        var pool = Math.Min(2, allowed.Count);
        var chosen = allowed[(occurrence + StableSeed.Pick(seed, (int)slot, pool)) % pool];

        var preferred = atLevel.FirstOrDefault(exercise => !usedToday.Contains(exercise));
        string? note = null;
        if (preferred is not null && preferred != chosen
            && InjuryRules.FirstConflict(preferred.Movements, injuries) is { } conflict)
        {
            note = $"Chosen instead of {preferred.Name} because of your {conflict.Rule.Description} (avoids {InjuryRules.Describe(conflict.Movement)}).";
        }

        return (chosen, note);
    }

    private static SessionType[] FullBody(int days) =>
        [.. Enumerable.Range(0, days).Select(index => index % 2 == 0 ? SessionType.FullBodyA : SessionType.FullBodyB)];

    /// <summary>Spreads <paramref name="strengthDays"/> full-body sessions evenly through the week, conditioning between.</summary>
    private static SessionType[] Interleave(int days, int strengthDays)
    {
        var sessions = Enumerable.Repeat(SessionType.Conditioning, days).ToArray();
        for (var index = 0; index < strengthDays; index++)
        {
            var position = (int)Math.Round((double)index * days / strengthDays, MidpointRounding.AwayFromZero);
            sessions[position] = index % 2 == 0 ? SessionType.FullBodyA : SessionType.FullBodyB;
        }

        return sessions;
    }

    private static string Focus(SessionType session) => session switch
    {
        SessionType.FullBodyA => "Full body A: squat, push, pull, core",
        SessionType.FullBodyB => "Full body B: hinge, pull, push, single-leg, core",
        SessionType.Upper => "Upper body: chest, back, shoulders, arms",
        SessionType.Lower => "Lower body and core",
        SessionType.Push => "Push: chest, shoulders, triceps",
        SessionType.Pull => "Pull: back, rear shoulders, biceps",
        SessionType.Legs => "Legs and core",
        SessionType.Conditioning => "Aerobic conditioning, core and mobility",
        _ => session.ToString(),
    };

    private static PlannedExercise Prescribe(
        Exercise exercise,
        bool isPrimary,
        ExerciseSlot slot,
        PlanRequest request,
        string? substituteNote)
    {
        var level = (int)request.Level;
        int[] holds = [30, 40, 45];
        int[] coreReps = [10, 12, 12];
        var planned = exercise.Kind switch
        {
            ExerciseKind.Cardio => new PlannedExercise(
                exercise.Id, exercise.Name, 1, null, CardioMinutes(request.Goal, level, slot == Finisher) * 60, 0, CardioIntensity(request, slot == Finisher)),
            ExerciseKind.Mobility => new PlannedExercise(exercise.Id, exercise.Name, 1, null, 600, 0, "10 minutes."),
            ExerciseKind.Core when exercise.Timed => new PlannedExercise(
                exercise.Id, exercise.Name, level == 0 ? 2 : 3, null, holds[level], 45, $"Hold {holds[level]} s."),
            ExerciseKind.Core => new PlannedExercise(
                exercise.Id, exercise.Name, level == 0 ? 2 : 3, coreReps[level], null, 45, $"{coreReps[level]} controlled reps."),
            _ => Strength(exercise, StrengthDose(request.Goal, request.Level, isPrimary)),
        };

        var notes = string.Join(' ', new[] { planned.Notes, exercise.Cue, substituteNote }.Where(part => !string.IsNullOrEmpty(part)));
        return planned with { Notes = notes };
    }

    private static PlannedExercise Strength(Exercise exercise, StrengthPrescription dose) =>
        new(exercise.Id, exercise.Name, dose.Sets, dose.Reps, null, dose.RestSeconds, $"{dose.Range} reps, leaving 1–3 in reserve.");

    private readonly record struct StrengthPrescription(int Sets, int Reps, string Range, int RestSeconds);

    private static StrengthPrescription StrengthDose(FitnessGoal goal, FitnessLevel level, bool primary) => (goal, primary, level) switch
    {
        (FitnessGoal.BuildMuscle, true, FitnessLevel.Beginner) => new(3, 10, "8–12", 90),
        (FitnessGoal.BuildMuscle, true, FitnessLevel.Intermediate) => new(4, 8, "6–10", 120),
        (FitnessGoal.BuildMuscle, true, _) => new(4, 6, "5–8", 150),
        (FitnessGoal.BuildMuscle, false, FitnessLevel.Beginner) => new(3, 12, "10–12", 60),
        (FitnessGoal.BuildMuscle, false, FitnessLevel.Intermediate) => new(3, 10, "8–12", 75),
        (FitnessGoal.BuildMuscle, false, _) => new(4, 10, "8–12", 90),
        (FitnessGoal.LoseWeight, true, FitnessLevel.Beginner) => new(2, 12, "10–12", 75),
        (FitnessGoal.LoseWeight, true, _) => new(3, 10, "8–12", 90),
        (FitnessGoal.LoseWeight, false, FitnessLevel.Beginner) => new(2, 15, "12–15", 60),
        (FitnessGoal.LoseWeight, false, _) => new(3, 12, "10–15", 60),
        (FitnessGoal.GeneralFitness, true, FitnessLevel.Beginner) => new(2, 12, "10–12", 90),
        (FitnessGoal.GeneralFitness, true, FitnessLevel.Intermediate) => new(3, 10, "8–12", 90),
        (FitnessGoal.GeneralFitness, true, _) => new(3, 8, "6–10", 120),
        (FitnessGoal.GeneralFitness, false, FitnessLevel.Beginner) => new(2, 12, "10–15", 60),
        (FitnessGoal.GeneralFitness, false, FitnessLevel.Intermediate) => new(3, 12, "10–12", 60),
        (FitnessGoal.GeneralFitness, false, _) => new(3, 10, "8–12", 75),
        (FitnessGoal.Endurance, true, FitnessLevel.Beginner) => new(2, 15, "12–15", 45),
        (FitnessGoal.Endurance, true, _) => new(3, 15, "12–15", 45),
        (FitnessGoal.Endurance, false, FitnessLevel.Advanced) => new(3, 20, "15–20", 30),
        (FitnessGoal.Endurance, false, _) => new(2, 20, "15–20", 30),
        _ => throw new ArgumentOutOfRangeException(nameof(goal), goal, "Unknown goal."),
    };

    private static int CardioMinutes(FitnessGoal goal, int level, bool finisher)
    {
        int[] minutes = (finisher, goal) switch
        {
            (false, FitnessGoal.Endurance) => [30, 40, 45],
            (false, _) => [20, 30, 35],
            (true, FitnessGoal.LoseWeight) => [15, 20, 20],
            (true, FitnessGoal.Endurance) => [15, 20, 20],
            (true, _) => [10, 15, 15],
        };
        return minutes[level];
    }

    private static string CardioIntensity(PlanRequest request, bool finisher) =>
        finisher && request.Goal == FitnessGoal.LoseWeight && request.Level != FitnessLevel.Beginner
            ? "Intervals: 30 s hard, 90 s easy, repeated."
            : "Moderate intensity: you can talk but not sing (RPE 5–6).";

    private static List<string> Notes(PlanRequest request, IReadOnlyList<DayOfWeek> weekdays, IReadOnlyList<SessionType> sessions)
    {
        var notes = new List<string>
        {
            "Warm up for 5–10 minutes before each session: easy cardio, then one or two light sets of the first exercise.",
            "Leave 1–3 reps in reserve on each set. When you reach the top of the rep range on every set, add a little weight next time.",
            "Aim for 150–300 minutes of moderate activity across the week (WHO 2020); brisk walking on rest days counts.",
        };

        foreach (var injury in request.DistinctInjuries)
        {
            var rule = InjuryRules.ByInjury[injury];
            notes.Add($"Because of your {rule.Description}: this plan leaves out exercises where {rule.Reason}. Stop any exercise that causes pain.");
        }

        if (!string.IsNullOrWhiteSpace(request.OtherLimitations))
        {
            notes.Add($"You also mentioned: \"{request.OtherLimitations.Trim()}\". The plan could not account for this automatically; show it to a trainer before you start.");
        }

        if (request.DistinctInjuries.Count > 0 || !string.IsNullOrWhiteSpace(request.OtherLimitations))
        {
            notes.Add("With an injury or limitation, have a physiotherapist or one of our trainers check this plan before you start.");
        }

        for (var index = 1; index < weekdays.Count; index++)
        {
            var consecutive = TrainingWeek.MondayFirstIndex(weekdays[index]) - TrainingWeek.MondayFirstIndex(weekdays[index - 1]) == 1;
            if (consecutive && IsFullBody(sessions[index]) && IsFullBody(sessions[index - 1]))
            {
                notes.Add($"{weekdays[index - 1]} and {weekdays[index]} are back-to-back full-body days; keep the second one lighter (ACSM advises 48 hours before training the same muscles hard again).");
            }
        }

        return notes;
    }

    private static bool IsFullBody(SessionType session) => session is SessionType.FullBodyA or SessionType.FullBodyB;
}
