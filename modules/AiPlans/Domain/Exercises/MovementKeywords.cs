using static Derrimut.AiPlans.Domain.Exercises.Movement;

namespace Derrimut.AiPlans.Domain.Exercises;

/// <summary>
/// Infers injury-relevant movements from an exercise's name, for exercises an LLM invents outside the library.
/// Deliberately broad: a false alarm costs one repair round, a miss could hurt a member.
/// </summary>
internal static class MovementKeywords
{
    private static readonly (NameKeyword Keyword, Movement[] Movements)[] Rules =
    [
        (new("squat"), [DeepKneeFlexion, DeepHipFlexion]),
        (new("pistol"), [DeepKneeFlexion, DeepHipFlexion, Lunge]),
        (new("leg press", "partial"), [DeepKneeFlexion, DeepHipFlexion]),
        (new("hack"), [DeepKneeFlexion, DeepHipFlexion]),
        (new("lunge"), [Lunge]),
        (new("split squat"), [Lunge]),
        (new("step up"), [Lunge]),
        (new("stepup"), [Lunge]),
        (new("bulgarian"), [Lunge]),
        (new("skater"), [Lunge, Jumping]),
        (new("jump"), [Jumping]),
        (new("jumping"), [Jumping]),
        (new("plyo"), [Jumping]),
        (new("plyometric"), [Jumping]),
        (new("burpee"), [Jumping, LoadedWristExtension]),
        (new("skipping"), [Jumping]),
        (new("hop"), [Jumping]),
        (new("hopping"), [Jumping]),
        (new("bound"), [Jumping]),
        (new("bounding"), [Jumping]),
        (new("double under"), [Jumping]),
        (new("run"), [Running]),
        (new("running"), [Running]),
        (new("sprint"), [Running]),
        (new("sprinting"), [Running]),
        (new("jog"), [Running]),
        (new("jogging"), [Running]),
        (new("high knee"), [Running]),
        (new("shuttle"), [Running]),
        (new("deadlift"), [LoadedHipHinge]),
        (new("rdl"), [LoadedHipHinge]),
        (new("good morning"), [LoadedHipHinge]),
        (new("kettlebell swing"), [LoadedHipHinge]),
        (new("swing"), [LoadedHipHinge]),
        (new("back extension"), [LoadedHipHinge]),
        (new("hyperextension"), [LoadedHipHinge]),
        (new("stiff leg"), [LoadedHipHinge]),
        (new("clean"), [LoadedHipHinge, LoadedWristExtension]),
        (new("snatch"), [LoadedHipHinge, OverheadPress]),
        (new("bent over"), [UnsupportedBentOverRow]),
        (new("barbell row"), [UnsupportedBentOverRow]),
        (new("pendlay"), [UnsupportedBentOverRow]),
        (new("t bar row"), [UnsupportedBentOverRow]),
        (new("yates row"), [UnsupportedBentOverRow]),
        (new("back squat"), [AxialSpinalLoad]),
        (new("barbell squat"), [AxialSpinalLoad]),
        (new("military press"), [AxialSpinalLoad, OverheadPress]),
        (new("push press"), [AxialSpinalLoad, OverheadPress]),
        (new("thruster"), [DeepKneeFlexion, DeepHipFlexion, OverheadPress, LoadedWristExtension]),
        (new("farmer"), [AxialSpinalLoad]),
        (new("yoke"), [AxialSpinalLoad]),
        (new("sit up"), [SpinalFlexionUnderLoad]),
        (new("situp"), [SpinalFlexionUnderLoad]),
        (new("crunch"), [SpinalFlexionUnderLoad]),
        (new("v up"), [SpinalFlexionUnderLoad]),
        (new("toes to bar"), [SpinalFlexionUnderLoad, LoadedOverheadReach]),
        (new("jackknife"), [SpinalFlexionUnderLoad]),
        (new("leg raise"), [SpinalFlexionUnderLoad]),
        (new("rowing machine"), [SpinalFlexionUnderLoad]),
        (new("rower"), [SpinalFlexionUnderLoad]),
        (new("rowing ergometer"), [SpinalFlexionUnderLoad]),
        (new("russian twist"), [LoadedSpinalRotation, SpinalFlexionUnderLoad]),
        (new("woodchop"), [LoadedSpinalRotation]),
        (new("wood chop"), [LoadedSpinalRotation]),
        (new("windmill"), [LoadedSpinalRotation, OverheadPress]),
        (new("overhead"), [OverheadPress]),
        (new("shoulder press"), [OverheadPress]),
        (new("arnold press"), [OverheadPress]),
        (new("landmine press"), [OverheadPress]),
        (new("z press"), [OverheadPress]),
        (new("jerk"), [OverheadPress]),
        (new("handstand"), [OverheadPress, LoadedWristExtension, NeckLoading]),
        (new("pike push up"), [OverheadPress]),
        (new("pull up"), [LoadedOverheadReach]),
        (new("pullup"), [LoadedOverheadReach]),
        (new("chin up"), [LoadedOverheadReach]),
        (new("chinup"), [LoadedOverheadReach]),
        (new("pulldown"), [LoadedOverheadReach]),
        (new("pull down"), [LoadedOverheadReach]),
        (new("lat pull"), [LoadedOverheadReach]),
        (new("hanging"), [LoadedOverheadReach]),
        (new("muscle up"), [LoadedOverheadReach, Dips]),
        (new("pullover"), [LoadedOverheadReach]),
        (new("dip"), [Dips]),
        (new("upright row"), [UprightRow]),
        (new("high pull"), [UprightRow]),
        (new("behind the neck"), [BehindNeck]),
        (new("behind neck"), [BehindNeck]),
        (new("bench press"), [LoadedShoulderExtension]),
        (new("incline press"), [LoadedShoulderExtension]),
        (new("incline dumbbell press"), [LoadedShoulderExtension]),
        (new("decline press"), [LoadedShoulderExtension]),
        (new("fly", "reverse"), [LoadedShoulderExtension]),
        (new("flye", "reverse"), [LoadedShoulderExtension]),
        (new("flies", "reverse"), [LoadedShoulderExtension]),
        (new("pec deck"), [LoadedShoulderExtension]),
        (new("push up"), [LoadedWristExtension]),
        (new("pushup"), [LoadedWristExtension]),
        (new("press up"), [LoadedWristExtension]),
        (new("plank", "forearm", "side plank", "elbow"), [LoadedWristExtension]),
        (new("mountain climber"), [LoadedWristExtension]),
        (new("bear crawl"), [LoadedWristExtension]),
        (new("crawl"), [LoadedWristExtension]),
        (new("bird dog", "forearm"), [LoadedWristExtension]),
        (new("front squat"), [LoadedWristExtension]),
        (new("shrug"), [NeckLoading]),
        (new("neck"), [NeckLoading]),
        (new("headstand"), [NeckLoading]),
        (new("wrestler bridge"), [NeckLoading]),
    ];

    public static IReadOnlySet<Movement> Infer(string exerciseName)
    {
        var normalised = NameMatching.Normalise(exerciseName);
        var movements = new HashSet<Movement>();
        foreach (var (keyword, implied) in Rules)
        {
            if (keyword.Matches(normalised))
            {
                movements.UnionWith(implied);
            }
        }

        return movements;
    }
}
