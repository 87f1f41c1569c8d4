namespace Derrimut.Billing.Contracts;

/// <summary>
/// The simulated gateway's Development tools, registered as a singleton only when they are available (simulated
/// gateway, and Development or <c>Billing:SimulatedTools=true</c>): the UI shows the "run billing day" button when it
/// can resolve this.
/// </summary>
/// <param name="BillingDayFormAction">Where the admin page's form posts (<c>outcome=pay|decline</c>, antiforgery token);
/// it redirects back to <c>/admin?billingDay={events delivered}</c>.</param>
public sealed record SimulatedBillingTools(string BillingDayFormAction);
