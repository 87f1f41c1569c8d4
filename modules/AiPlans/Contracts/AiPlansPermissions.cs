namespace Derrimut.AiPlans.Contracts;

/// <summary>
/// The permissions AiPlans declares (seeing the gym's members as clients is Identity's trainer-wide
/// <c>view:clients</c>). <see cref="ViewOwnPlans"/> keeps the name Identity first declared it under, so grants stored
/// for it still apply.
/// </summary>
public static class AiPlansPermissions
{
    /// <summary>Read one's own workout and diet plans.</summary>
    public const string ViewOwnPlans = "view:own_plans";

    /// <summary>Generate a new workout and diet plan for oneself (superseding the active one).</summary>
    public const string GenerateOwnPlans = "generate:own_plans";

    /// <summary>Edit and approve the plans of the gym's members (trainers, staff).</summary>
    public const string ReviewClientPlans = "review:client_plans";

    /// <summary>Set the gym's voice assistant (Vapi) webhook secret.</summary>
    public const string ManageVoiceAssistant = "manage:voice_assistant";
}
