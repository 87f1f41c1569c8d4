namespace Derrimut.Web.Components.Shared;

/// <summary>What the area pages show about the signed-in person (carried from prerendering into the circuit).</summary>
/// <param name="DisplayName">How the person is addressed.</param>
/// <param name="Email">Their login.</param>
/// <param name="TwoFactorEnabled">Whether sign-in asks for an authenticator code.</param>
public sealed record PersonSummary(string DisplayName, string Email, bool TwoFactorEnabled);
