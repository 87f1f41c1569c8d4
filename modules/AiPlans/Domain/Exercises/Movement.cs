namespace Derrimut.AiPlans.Domain.Exercises;

/// <summary>
/// Movement features that matter for injuries. An exercise carries every feature it involves; an injury
/// excludes features (see <see cref="InjuryRules"/>).
/// </summary>
internal enum Movement
{
    /// <summary>Knee bent past ~90° under load: full squats, full-range leg press, split squats.</summary>
    DeepKneeFlexion,

    /// <summary>Hip flexed past ~90° under load: full squats, full-range leg press.</summary>
    DeepHipFlexion,

    /// <summary>Split-stance or single-leg knee-dominant work: lunges, step-ups, split squats.</summary>
    Lunge,

    /// <summary>Jumps, plyometrics, skipping, burpees (landing forces several times body weight).</summary>
    Jumping,

    /// <summary>Running and sprinting (repetitive impact).</summary>
    Running,

    /// <summary>Hip hinge with a free weight: deadlifts, good mornings, kettlebell swings, back extensions.</summary>
    LoadedHipHinge,

    /// <summary>Rowing with the torso bent over and unsupported.</summary>
    UnsupportedBentOverRow,

    /// <summary>Barbell loading down the spine: back squat, standing barbell press.</summary>
    AxialSpinalLoad,

    /// <summary>Repeated or loaded spinal flexion: sit-ups, crunches, rowing ergometer, hanging raises.</summary>
    SpinalFlexionUnderLoad,

    /// <summary>Twisting the trunk against load: Russian twists, woodchops.</summary>
    LoadedSpinalRotation,

    /// <summary>Pressing or holding load overhead.</summary>
    OverheadPress,

    /// <summary>Pulling or hanging with the arms overhead: pull-ups, pulldowns, hanging exercises.</summary>
    LoadedOverheadReach,

    /// <summary>Parallel-bar or bench dips.</summary>
    Dips,

    /// <summary>Upright rows and high pulls (abduction with internal rotation).</summary>
    UprightRow,

    /// <summary>Anything behind the neck (press or pulldown).</summary>
    BehindNeck,

    /// <summary>Lowering a load with the upper arm behind the torso: bench press, flys.</summary>
    LoadedShoulderExtension,

    /// <summary>Bearing weight on an extended wrist: push-ups, planks on hands, quadruped work, front rack.</summary>
    LoadedWristExtension,

    /// <summary>Direct load on the neck: shrugs, neck harness, headstands.</summary>
    NeckLoading,
}
