namespace Derrimut.Billing.Contracts;

/// <summary>Permissions declared by the Billing module.</summary>
public static class BillingPermissions
{
    /// <summary>
    /// Set this gym's Stripe keys, see the webhook inbox (failed and parked events with their errors), retry a parked
    /// event, and (in Development) run the simulated billing day.
    /// </summary>
    public const string ManageBilling = "manage:billing";
}
