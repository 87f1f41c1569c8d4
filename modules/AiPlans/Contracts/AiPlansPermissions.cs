namespace Derrimut.AiPlans.Contracts;

/// <summary>
/// The permissions AiPlans declares. Reading one's own plans is Identity's <c>view:own_plans</c> and seeing the
/// gym's members as clients is Identity's <c>view:clients</c>; these add the writes.
/// </summary>
public static class AiPlansPermissions
{
    /// <summary>Generate a new workout and diet plan for oneself (superseding the active one).</summary>
    public const string GenerateOwnPlans = "generate:own_plans";

    /// <summary>Edit and approve the plans of the gym's members (trainers, staff).</summary>
    public const string ReviewClientPlans = "review:client_plans";

    /// <summary>Set the gym's voice assistant (Vapi) webhook secret.</summary>
    public const string ManageVoiceAssistant = "manage:voice_assistant";
}
