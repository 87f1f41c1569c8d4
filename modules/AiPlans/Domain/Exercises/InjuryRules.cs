using Derrimut.AiPlans.Domain.Input;
using static Derrimut.AiPlans.Domain.Exercises.Movement;

namespace Derrimut.AiPlans.Domain.Exercises;

/// <param name="Excluded">Movements never prescribed to a member who states this injury.</param>
/// <param name="Reason">Why, in a sentence a member (or an LLM being corrected) can act on.</param>
/// <param name="SafeAlternatives">Library exercises that suit this injury, offered as substitutes.</param>
internal sealed record InjuryRule(
    InjuryKind Injury,
    string Description,
    IReadOnlySet<Movement> Excluded,
    string Reason,
    IReadOnlyList<Exercise> SafeAlternatives);

/// <summary>
/// The injury → excluded movements → safe substitutes table. Conservative by design: the plan is generated
/// without an assessment, so anything commonly aggravating for that region is left out and the plan tells
/// the member to clear their program with a physiotherapist or trainer.
/// </summary>
internal static class InjuryRules
{
    public static readonly IReadOnlyDictionary<InjuryKind, InjuryRule> ByInjury = new Dictionary<InjuryKind, InjuryRule>
    {
        // Knee: patellofemoral compressive force rises steeply with knee flexion beyond ~60–90° under load
        // (Escamilla 2001, Med Sci Sports Exerc 33(1), "Knee biomechanics of the dynamic squat exercise"), and
        // landing from jumps or running loads the knee with several times body weight. Closed-chain work in a
        // limited range (leg press to 90°) and hip-dominant work (bridges, hamstring curls) keep the legs trained.
        [InjuryKind.Knee] = new(
            InjuryKind.Knee,
            "knee",
            new HashSet<Movement> { DeepKneeFlexion, Lunge, Jumping, Running },
            "deep knee bends, lunges, jumping and running load an injured knee heavily",
            [ExerciseLibrary.LegPressPartial, ExerciseLibrary.GluteBridge, ExerciseLibrary.LyingHamstringCurl, ExerciseLibrary.StationaryBike]),

        // Lower back: loaded hinging, unsupported bent-over rowing, bar-on-back loading and repeated or loaded
        // flexion and twisting produce the highest lumbar compressive and shear loads; McGill's work (Low Back
        // Disorders, 3rd ed., 2016) recommends spine-sparing "big three" work — curl-up, side plank, bird-dog —
        // and supported variants (chest-supported row) instead.
        [InjuryKind.LowerBack] = new(
            InjuryKind.LowerBack,
            "lower back",
            new HashSet<Movement> { LoadedHipHinge, UnsupportedBentOverRow, AxialSpinalLoad, SpinalFlexionUnderLoad, LoadedSpinalRotation, Jumping },
            "loaded hinging, bent-over rowing, a bar on the back, sit-up style flexion, loaded twisting and jumping load the lumbar spine heavily",
            [ExerciseLibrary.BirdDog, ExerciseLibrary.McGillCurlUp, ExerciseLibrary.SidePlank, ExerciseLibrary.ChestSupportedRow, ExerciseLibrary.GluteBridge, ExerciseLibrary.LegPressPartial]),

        // Shoulder: arm elevation with internal rotation and loaded end-range extension narrow the subacromial
        // space and stress the anterior capsule; overhead pressing, dips, upright rows and behind-the-neck work
        // are the movements most often linked with resistance-training shoulder injury (Kolber et al. 2010,
        // J Strength Cond Res 24(6), "Shoulder injuries attributed to resistance training: a brief review"). Pressing with a limited
        // range and rotator-cuff work below shoulder height are used instead.
        [InjuryKind.Shoulder] = new(
            InjuryKind.Shoulder,
            "shoulder",
            new HashSet<Movement> { OverheadPress, LoadedOverheadReach, Dips, UprightRow, BehindNeck, LoadedShoulderExtension },
            "overhead pressing or pulling, dips, upright rows, behind-the-neck work and deep bench pressing stress an injured shoulder",
            [ExerciseLibrary.DumbbellFloorPress, ExerciseLibrary.MachineChestPress, ExerciseLibrary.CableExternalRotation, ExerciseLibrary.DumbbellScaption, ExerciseLibrary.ChestSupportedRow, ExerciseLibrary.SeatedCableRow]),

        // Wrist: weight-bearing on an extended wrist (push-ups, planks and quadruped work on the hands, front-rack
        // positions) compresses the dorsal wrist and loads the TFCC; forearm-supported and neutral-grip variants
        // avoid it.
        [InjuryKind.Wrist] = new(
            InjuryKind.Wrist,
            "wrist",
            new HashSet<Movement> { LoadedWristExtension },
            "bearing weight on a bent-back wrist (push-ups, planks on the hands, all-fours work) aggravates an injured wrist",
            [ExerciseLibrary.MachineChestPress, ExerciseLibrary.DumbbellFloorPress, ExerciseLibrary.ForearmPlank, ExerciseLibrary.HammerCurl, ExerciseLibrary.SeatedCableRow]),

        // Ankle: impact (running, jumping) and dynamic single-leg balance under load (lunges) challenge an
        // injured ankle's stability; non-impact cardio (bike, cross-trainer) and supported leg work are used.
        [InjuryKind.Ankle] = new(
            InjuryKind.Ankle,
            "ankle",
            new HashSet<Movement> { Jumping, Running, Lunge },
            "running, jumping and lunging load an injured ankle with impact and balance demands",
            [ExerciseLibrary.StationaryBike, ExerciseLibrary.LegPress, ExerciseLibrary.GluteBridge, ExerciseLibrary.SeatedCalfRaise]),

        // Neck: a bar across the upper back, shrugs, behind-the-neck work and sit-ups (which pull on the head)
        // load the cervical spine; front-loaded and supported exercises keep it neutral.
        [InjuryKind.Neck] = new(
            InjuryKind.Neck,
            "neck",
            new HashSet<Movement> { AxialSpinalLoad, BehindNeck, NeckLoading, SpinalFlexionUnderLoad },
            "a bar on the upper back, shrugs, behind-the-neck work and sit-ups load the neck",
            [ExerciseLibrary.GobletSquat, ExerciseLibrary.LegPress, ExerciseLibrary.DeadBug, ExerciseLibrary.ForearmPlank]),

        // Hip: deep flexion under load provokes femoroacetabular impingement-type pain, and impact and lunging
        // load the joint; hip extension work (bridges) and limited-range pressing are used instead.
        [InjuryKind.Hip] = new(
            InjuryKind.Hip,
            "hip",
            new HashSet<Movement> { DeepHipFlexion, Lunge, Jumping, Running },
            "deep squatting, lunges, jumping and running load an injured hip",
            [ExerciseLibrary.GluteBridge, ExerciseLibrary.LegPressPartial, ExerciseLibrary.CableHipAbduction, ExerciseLibrary.LyingHamstringCurl]),
    };

    /// <summary>The first (injury, movement) pair that makes the movements unsafe for the member, if any.</summary>
    public static (InjuryRule Rule, Movement Movement)? FirstConflict(IReadOnlySet<Movement> movements, IEnumerable<InjuryKind> injuries)
    {
        // Injuries and movements are walked in enum order so the reported conflict is deterministic.
        (InjuryRule Rule, Movement Movement)? first = null;
        foreach (var injury in injuries)
        {
            var rule = ByInjury[injury];
            foreach (var movement in movements)
            {
                if (rule.Excluded.Contains(movement)
                    && (first is null || injury < first.Value.Rule.Injury || (injury == first.Value.Rule.Injury && movement < first.Value.Movement)))
                {
                    first = (rule, movement);
                }
            }
        }

        return first;
    }

    public static bool IsSafe(Exercise exercise, IEnumerable<InjuryKind> injuries) =>
        FirstConflict(exercise.Movements, injuries) is null;

    /// <summary>A short description of a movement for messages.</summary>
    public static string Describe(Movement movement) => movement switch
    {
        DeepKneeFlexion => "deep knee bending under load",
        DeepHipFlexion => "deep hip bending under load",
        Lunge => "lunging / split-stance work",
        Jumping => "jumping and landing",
        Running => "running",
        LoadedHipHinge => "loaded hip hinging (deadlift pattern)",
        UnsupportedBentOverRow => "unsupported bent-over rowing",
        AxialSpinalLoad => "a barbell loading the spine",
        SpinalFlexionUnderLoad => "loaded or repeated spinal flexion (sit-up pattern)",
        LoadedSpinalRotation => "loaded trunk twisting",
        OverheadPress => "pressing overhead",
        LoadedOverheadReach => "pulling or hanging with the arms overhead",
        Dips => "dips",
        UprightRow => "upright rowing",
        BehindNeck => "behind-the-neck work",
        LoadedShoulderExtension => "lowering a load with the arms behind the body (bench press / fly)",
        LoadedWristExtension => "bearing weight on a bent-back wrist",
        NeckLoading => "loading the neck directly",
        _ => movement.ToString(),
    };
}
