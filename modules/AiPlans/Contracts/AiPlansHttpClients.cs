namespace Derrimut.AiPlans.Contracts;

/// <summary>Names of the HTTP clients AiPlans makes (tests route them to the test server).</summary>
public static class AiPlansHttpClients
{
    /// <summary>The voice settings' test call to the gym's own Vapi endpoint.</summary>
    public const string VoiceAssistantTest = "Derrimut.AiPlans.VoiceAssistantTest";
}
