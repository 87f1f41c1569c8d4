using Derrimut.AiPlans.Domain.Input;
using static Derrimut.AiPlans.Domain.Exercises.Movement;

namespace Derrimut.AiPlans.Domain.Exercises;

/// <summary>A role an exercise fills in a session; each slot lists candidates from most to least preferred.</summary>
internal enum ExerciseSlot
{
    Squat,
    Hinge,
    SingleLeg,
    HorizontalPush,
    SecondaryPush,
    VerticalPush,
    ShoulderAccessory,
    HorizontalPull,
    VerticalPull,
    RearDelt,
    Biceps,
    Triceps,
    Calves,
    CoreAntiExtension,
    CoreStability,
    Cardio,
    Finisher,
    Mobility,
}

/// <summary>
/// The exercises the rule-based generator prescribes, and for each slot the candidates in order of preference.
/// The last candidates of every slot carry no injury-relevant movement, so every slot can be filled safely
/// whatever injuries the member states (a test walks every combination).
/// </summary>
internal static class ExerciseLibrary
{
    private static readonly Dictionary<string, Exercise> ById = new(StringComparer.Ordinal);

    public static readonly Exercise BarbellBackSquat = Add("barbell-back-squat", "Barbell back squat", [MuscleGroup.Legs], [DeepKneeFlexion, DeepHipFlexion, AxialSpinalLoad], ExerciseKind.Compound, FitnessLevel.Intermediate, "Brace, keep the bar over mid-foot and squat only as deep as you can keep a neutral spine.");
    public static readonly Exercise GobletSquat = Add("goblet-squat", "Goblet squat", [MuscleGroup.Legs, MuscleGroup.Core], [DeepKneeFlexion, DeepHipFlexion], ExerciseKind.Compound, FitnessLevel.Beginner, "Hold the dumbbell at your chest; knees track over toes.");
    public static readonly Exercise LegPress = Add("leg-press", "Leg press", [MuscleGroup.Legs], [DeepKneeFlexion, DeepHipFlexion], ExerciseKind.Compound, FitnessLevel.Beginner, "Lower under control; keep your lower back on the pad.");
    public static readonly Exercise LegPressPartial = Add("leg-press-partial", "Leg press (partial range)", [MuscleGroup.Legs], [], ExerciseKind.Compound, FitnessLevel.Beginner, "Lower only until your knees reach 90°, keeping hips and lower back on the pad; stop short of any pain.");
    public static readonly Exercise BarbellDeadlift = Add("barbell-deadlift", "Barbell deadlift", [MuscleGroup.Legs, MuscleGroup.Back], [LoadedHipHinge], ExerciseKind.Compound, FitnessLevel.Intermediate, "Bar close to the shins, flat back, push the floor away.");
    public static readonly Exercise RomanianDeadlift = Add("romanian-deadlift", "Dumbbell Romanian deadlift", [MuscleGroup.Legs], [LoadedHipHinge], ExerciseKind.Compound, FitnessLevel.Beginner, "Soft knees, hinge at the hips until you feel the hamstrings, keep the back flat.");
    public static readonly Exercise BarbellHipThrust = Add("barbell-hip-thrust", "Barbell hip thrust", [MuscleGroup.Legs], [], ExerciseKind.Compound, FitnessLevel.Intermediate, "Upper back on a bench, ribs down; squeeze the glutes without arching the lower back.");
    public static readonly Exercise GluteBridge = Add("glute-bridge", "Glute bridge", [MuscleGroup.Legs], [], ExerciseKind.Compound, FitnessLevel.Beginner, "Drive through the heels and squeeze the glutes; ribs down, no lower-back arch.");
    public static readonly Exercise LyingHamstringCurl = Add("lying-hamstring-curl", "Lying hamstring curl", [MuscleGroup.Legs], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Hips stay on the pad; lower slowly.");
    public static readonly Exercise BulgarianSplitSquat = Add("bulgarian-split-squat", "Bulgarian split squat", [MuscleGroup.Legs], [Lunge, DeepKneeFlexion, DeepHipFlexion], ExerciseKind.Compound, FitnessLevel.Intermediate, "Rear foot on a bench; front knee tracks over the toes.");
    public static readonly Exercise ReverseLunge = Add("reverse-lunge", "Dumbbell reverse lunge", [MuscleGroup.Legs], [Lunge], ExerciseKind.Compound, FitnessLevel.Beginner, "Step back softly; torso tall.");
    public static readonly Exercise StepUp = Add("step-up", "Dumbbell step-up", [MuscleGroup.Legs], [Lunge], ExerciseKind.Compound, FitnessLevel.Beginner, "Use a knee-height box; drive through the whole front foot.");
    public static readonly Exercise SingleLegGluteBridge = Add("single-leg-glute-bridge", "Single-leg glute bridge", [MuscleGroup.Legs], [], ExerciseKind.Compound, FitnessLevel.Beginner, "Keep the pelvis level as you lift.");
    public static readonly Exercise CableHipAbduction = Add("cable-hip-abduction", "Cable hip abduction", [MuscleGroup.Legs], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Stand tall; move only at the hip.");
    public static readonly Exercise StandingCalfRaise = Add("standing-calf-raise", "Standing calf raise", [MuscleGroup.Legs], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Full range, pause at the top.");
    public static readonly Exercise SeatedCalfRaise = Add("seated-calf-raise", "Seated calf raise", [MuscleGroup.Legs], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Slow lowering, pause at the bottom.");

    public static readonly Exercise BarbellBenchPress = Add("barbell-bench-press", "Barbell bench press", [MuscleGroup.Chest, MuscleGroup.Arms], [LoadedShoulderExtension], ExerciseKind.Compound, FitnessLevel.Intermediate, "Shoulder blades back and down; touch the lower chest.");
    public static readonly Exercise DumbbellBenchPress = Add("dumbbell-bench-press", "Dumbbell bench press", [MuscleGroup.Chest, MuscleGroup.Arms], [LoadedShoulderExtension], ExerciseKind.Compound, FitnessLevel.Beginner, "Elbows about 45° from the body.");
    public static readonly Exercise PushUp = Add("push-up", "Push-up", [MuscleGroup.Chest, MuscleGroup.Arms, MuscleGroup.Core], [LoadedWristExtension], ExerciseKind.Compound, FitnessLevel.Beginner, "Body in one line; hands on a bench to make it easier.");
    public static readonly Exercise MachineChestPress = Add("machine-chest-press", "Machine chest press (neutral grip)", [MuscleGroup.Chest, MuscleGroup.Arms], [], ExerciseKind.Compound, FitnessLevel.Beginner, "Set the seat so the handles are at mid-chest; stop before the elbows pass the torso.");
    public static readonly Exercise DumbbellFloorPress = Add("dumbbell-floor-press", "Dumbbell floor press (neutral grip)", [MuscleGroup.Chest, MuscleGroup.Arms], [], ExerciseKind.Compound, FitnessLevel.Beginner, "The floor limits the range, keeping the shoulder in a safe position.");
    public static readonly Exercise InclineDumbbellPress = Add("incline-dumbbell-press", "Incline dumbbell press", [MuscleGroup.Chest, MuscleGroup.Shoulders], [LoadedShoulderExtension], ExerciseKind.Compound, FitnessLevel.Beginner, "Bench at 30°; press up and slightly in.");
    public static readonly Exercise CableChestFly = Add("cable-chest-fly", "Cable chest fly", [MuscleGroup.Chest], [LoadedShoulderExtension], ExerciseKind.Isolation, FitnessLevel.Beginner, "Slight bend in the elbows; hug a big tree.");
    public static readonly Exercise BarbellOverheadPress = Add("barbell-overhead-press", "Standing barbell overhead press", [MuscleGroup.Shoulders, MuscleGroup.Arms], [OverheadPress, AxialSpinalLoad], ExerciseKind.Compound, FitnessLevel.Intermediate, "Squeeze glutes, ribs down, press the bar in a straight line.");
    public static readonly Exercise SeatedDumbbellShoulderPress = Add("seated-dumbbell-shoulder-press", "Seated dumbbell shoulder press", [MuscleGroup.Shoulders, MuscleGroup.Arms], [OverheadPress], ExerciseKind.Compound, FitnessLevel.Beginner, "Back supported; press without arching.");
    public static readonly Exercise DumbbellScaption = Add("dumbbell-scaption", "Dumbbell scaption raise (thumbs up, to shoulder height)", [MuscleGroup.Shoulders], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Raise at 30° in front of the body, thumbs up, no higher than the shoulders.");
    public static readonly Exercise CableExternalRotation = Add("cable-external-rotation", "Cable external rotation", [MuscleGroup.Shoulders], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Elbow at the side on a folded towel; rotate out slowly.");
    public static readonly Exercise DumbbellLateralRaise = Add("dumbbell-lateral-raise", "Dumbbell lateral raise (to shoulder height)", [MuscleGroup.Shoulders], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Lead with the elbows and stop at shoulder height.");
    public static readonly Exercise CableFacePull = Add("cable-face-pull", "Cable face pull", [MuscleGroup.Shoulders, MuscleGroup.Back], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Rope to the face, elbows high, squeeze the shoulder blades.");
    public static readonly Exercise ProneReverseFly = Add("prone-reverse-fly", "Chest-supported reverse dumbbell fly", [MuscleGroup.Shoulders, MuscleGroup.Back], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Chest on an incline bench; light weights, squeeze the shoulder blades.");

    public static readonly Exercise BarbellBentOverRow = Add("barbell-bent-over-row", "Barbell bent-over row", [MuscleGroup.Back, MuscleGroup.Arms], [UnsupportedBentOverRow], ExerciseKind.Compound, FitnessLevel.Intermediate, "Flat back at about 45°; pull to the lower ribs.");
    public static readonly Exercise OneArmDumbbellRow = Add("one-arm-dumbbell-row", "One-arm dumbbell row (hand on bench)", [MuscleGroup.Back, MuscleGroup.Arms], [LoadedWristExtension], ExerciseKind.Compound, FitnessLevel.Beginner, "Supported on the bench; pull the elbow to the hip.");
    public static readonly Exercise SeatedCableRow = Add("seated-cable-row", "Seated cable row", [MuscleGroup.Back, MuscleGroup.Arms], [], ExerciseKind.Compound, FitnessLevel.Beginner, "Sit tall; do not rock the torso.");
    public static readonly Exercise ChestSupportedRow = Add("chest-supported-row", "Chest-supported dumbbell row", [MuscleGroup.Back, MuscleGroup.Arms], [], ExerciseKind.Compound, FitnessLevel.Beginner, "Chest on an incline bench takes all load off the lower back.");
    public static readonly Exercise PullUp = Add("pull-up", "Pull-up", [MuscleGroup.Back, MuscleGroup.Arms], [LoadedOverheadReach], ExerciseKind.Compound, FitnessLevel.Intermediate, "Full hang to chin over the bar; use a band for assistance if needed.");
    public static readonly Exercise LatPulldown = Add("lat-pulldown", "Lat pulldown (to the front)", [MuscleGroup.Back, MuscleGroup.Arms], [LoadedOverheadReach], ExerciseKind.Compound, FitnessLevel.Beginner, "Pull to the upper chest, never behind the neck.");

    public static readonly Exercise EzBarCurl = Add("ez-bar-curl", "EZ-bar curl", [MuscleGroup.Arms], [], ExerciseKind.Isolation, FitnessLevel.Intermediate, "Elbows pinned to the sides.");
    public static readonly Exercise DumbbellCurl = Add("dumbbell-curl", "Dumbbell biceps curl", [MuscleGroup.Arms], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "No swinging; lower slowly.");
    public static readonly Exercise HammerCurl = Add("hammer-curl", "Hammer curl", [MuscleGroup.Arms], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Neutral grip keeps the wrist straight.");
    public static readonly Exercise CloseGripBenchPress = Add("close-grip-bench-press", "Close-grip bench press", [MuscleGroup.Arms, MuscleGroup.Chest], [LoadedShoulderExtension], ExerciseKind.Compound, FitnessLevel.Intermediate, "Hands shoulder-width; elbows tucked.");
    public static readonly Exercise OverheadTricepsExtension = Add("overhead-triceps-extension", "Overhead dumbbell triceps extension", [MuscleGroup.Arms], [OverheadPress, LoadedOverheadReach], ExerciseKind.Isolation, FitnessLevel.Beginner, "Elbows point forward; lower behind the head slowly.");
    public static readonly Exercise CableTricepsPushdown = Add("cable-triceps-pushdown", "Cable triceps pushdown", [MuscleGroup.Arms], [], ExerciseKind.Isolation, FitnessLevel.Beginner, "Elbows at the sides; straighten fully.");

    public static readonly Exercise HangingKneeRaise = Add("hanging-knee-raise", "Hanging knee raise", [MuscleGroup.Core], [LoadedOverheadReach, SpinalFlexionUnderLoad], ExerciseKind.Core, FitnessLevel.Intermediate, "No swinging; curl the pelvis up.");
    public static readonly Exercise ForearmPlank = Add("forearm-plank", "Forearm plank", [MuscleGroup.Core], [], ExerciseKind.Core, FitnessLevel.Beginner, "Elbows under shoulders, squeeze glutes, breathe.", timed: true);
    public static readonly Exercise DeadBug = Add("dead-bug", "Dead bug", [MuscleGroup.Core], [], ExerciseKind.Core, FitnessLevel.Beginner, "Lower back stays pressed to the floor; reps are per side.");
    public static readonly Exercise CableWoodchop = Add("cable-woodchop", "Cable woodchop", [MuscleGroup.Core], [LoadedSpinalRotation], ExerciseKind.Core, FitnessLevel.Intermediate, "Rotate through the hips; reps are per side.");
    public static readonly Exercise PallofPress = Add("pallof-press", "Pallof press", [MuscleGroup.Core], [], ExerciseKind.Core, FitnessLevel.Beginner, "Resist the cable's pull; reps are per side.");
    public static readonly Exercise SidePlank = Add("side-plank", "Side plank", [MuscleGroup.Core], [], ExerciseKind.Core, FitnessLevel.Beginner, "On the forearm, hips high; time is per side.", timed: true);
    public static readonly Exercise BirdDog = Add("bird-dog", "Bird-dog", [MuscleGroup.Core], [LoadedWristExtension], ExerciseKind.Core, FitnessLevel.Beginner, "Reach long without arching; reps are per side.");
    public static readonly Exercise McGillCurlUp = Add("mcgill-curl-up", "McGill curl-up", [MuscleGroup.Core], [], ExerciseKind.Core, FitnessLevel.Beginner, "Hands under the lower back, head and neck still; lift the shoulders only slightly.");

    public static readonly Exercise RunningIntervals = Add("running-intervals", "Running", [], [Running], ExerciseKind.Cardio, FitnessLevel.Intermediate, "Easy pace, or alternate 1 minute faster with 2 minutes easy.", timed: true);
    public static readonly Exercise RowingMachine = Add("rowing-machine", "Rowing machine", [MuscleGroup.Back, MuscleGroup.Legs], [SpinalFlexionUnderLoad], ExerciseKind.Cardio, FitnessLevel.Beginner, "Legs, then body, then arms; steady rhythm.", timed: true);
    public static readonly Exercise JumpRope = Add("jump-rope", "Jump rope", [], [Jumping], ExerciseKind.Cardio, FitnessLevel.Advanced, "Intervals of 40 s on, 20 s easy.", timed: true);
    public static readonly Exercise StationaryBike = Add("stationary-bike", "Stationary bike", [], [], ExerciseKind.Cardio, FitnessLevel.Beginner, "Saddle high enough that the knee stays slightly bent at the bottom of the stroke.", timed: true);
    public static readonly Exercise Elliptical = Add("elliptical", "Elliptical cross-trainer", [], [], ExerciseKind.Cardio, FitnessLevel.Beginner, "Low impact; upright posture.", timed: true);
    public static readonly Exercise InclineWalk = Add("incline-walk", "Incline treadmill walk", [], [], ExerciseKind.Cardio, FitnessLevel.Beginner, "Brisk pace on a gentle incline; do not hold the rails.", timed: true);
    public static readonly Exercise MobilityRoutine = Add("mobility-routine", "Mobility routine (hips, upper back, ankles)", [], [], ExerciseKind.Mobility, FitnessLevel.Beginner, "Slow, controlled movements in a pain-free range.", timed: true);

    /// <summary>Candidates per slot, most preferred first. The rule-based generator skips any candidate above the
    /// member's level, contra-indicated by an injury, or already used that day.</summary>
    public static readonly IReadOnlyDictionary<ExerciseSlot, IReadOnlyList<Exercise>> Candidates =
        new Dictionary<ExerciseSlot, IReadOnlyList<Exercise>>
        {
            [ExerciseSlot.Squat] = [BarbellBackSquat, GobletSquat, LegPress, LegPressPartial],
            [ExerciseSlot.Hinge] = [BarbellDeadlift, RomanianDeadlift, BarbellHipThrust, GluteBridge, LyingHamstringCurl],
            [ExerciseSlot.SingleLeg] = [BulgarianSplitSquat, ReverseLunge, StepUp, SingleLegGluteBridge, CableHipAbduction, LyingHamstringCurl],
            [ExerciseSlot.HorizontalPush] = [BarbellBenchPress, DumbbellBenchPress, PushUp, MachineChestPress, DumbbellFloorPress],
            [ExerciseSlot.SecondaryPush] = [InclineDumbbellPress, CableChestFly, PushUp, MachineChestPress, DumbbellFloorPress],
            [ExerciseSlot.VerticalPush] = [BarbellOverheadPress, SeatedDumbbellShoulderPress, DumbbellScaption, CableExternalRotation],
            [ExerciseSlot.ShoulderAccessory] = [DumbbellLateralRaise, CableFacePull, DumbbellScaption, CableExternalRotation],
            [ExerciseSlot.HorizontalPull] = [BarbellBentOverRow, OneArmDumbbellRow, SeatedCableRow, ChestSupportedRow],
            [ExerciseSlot.VerticalPull] = [PullUp, LatPulldown, SeatedCableRow, ChestSupportedRow, ProneReverseFly],
            [ExerciseSlot.RearDelt] = [CableFacePull, ProneReverseFly, CableExternalRotation],
            [ExerciseSlot.Biceps] = [EzBarCurl, DumbbellCurl, HammerCurl],
            [ExerciseSlot.Triceps] = [CloseGripBenchPress, OverheadTricepsExtension, CableTricepsPushdown],
            [ExerciseSlot.Calves] = [StandingCalfRaise, SeatedCalfRaise],
            [ExerciseSlot.CoreAntiExtension] = [HangingKneeRaise, ForearmPlank, DeadBug],
            [ExerciseSlot.CoreStability] = [CableWoodchop, PallofPress, SidePlank, BirdDog, McGillCurlUp],
            [ExerciseSlot.Cardio] = [RunningIntervals, RowingMachine, StationaryBike, Elliptical, InclineWalk],
            [ExerciseSlot.Finisher] = [JumpRope, RowingMachine, StationaryBike, Elliptical, InclineWalk],
            [ExerciseSlot.Mobility] = [MobilityRoutine],
        };

    public static IReadOnlyCollection<Exercise> All => ById.Values;

    public static Exercise? Find(string? id) =>
        id is not null && ById.TryGetValue(id, out var exercise) ? exercise : null;

    /// <summary>The slots an exercise can fill, for suggesting like-for-like substitutes.</summary>
    public static IEnumerable<ExerciseSlot> SlotsOf(Exercise exercise) =>
        Candidates.Where(pair => pair.Value.Contains(exercise)).Select(pair => pair.Key);

    private static Exercise Add(
        string id,
        string name,
        MuscleGroup[] muscles,
        Movement[] movements,
        ExerciseKind kind,
        FitnessLevel minLevel,
        string cue,
        bool timed = false)
    {
        var exercise = new Exercise(id, name, muscles.ToHashSet(), movements.ToHashSet(), kind, minLevel, timed || kind is ExerciseKind.Cardio or ExerciseKind.Mobility, cue);
        ById.Add(id, exercise);
        return exercise;
    }
}
