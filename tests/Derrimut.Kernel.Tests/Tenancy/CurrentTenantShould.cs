namespace Derrimut.Kernel.Tests.Tenancy;

public sealed class CurrentTenantShould
{
    [Fact]
    public void BeUnresolvedUntilSet()
    {
        var current = new CurrentTenant();

        current.IsResolved.ShouldBeFalse();
        current.Tenant.ShouldBeNull();
    }

    [Fact]
    public void BePlatformWhenSetToNoTenant()
    {
        var current = new CurrentTenant();

        current.Set(null);

        ICurrentTenant view = current;
        view.IsResolved.ShouldBeTrue();
        view.IsPlatform.ShouldBeTrue();
        view.Id.ShouldBeNull();
    }

    [Fact]
    public void ExposeTheTenantOnceSet()
    {
        var tenant = Tenants.Location("st-albans");
        var current = new CurrentTenant();

        current.Set(tenant);

        ICurrentTenant view = current;
        view.Tenant.ShouldBeSameAs(tenant);
        view.Id.ShouldBe(tenant.Id);
        view.IsPlatform.ShouldBeFalse();
        view.IsResolved.ShouldBeTrue();
    }

    [Fact]
    public void RefuseASecondTenantAndKeepTheFirst()
    {
        var first = Tenants.Location("st-albans");
        var current = new CurrentTenant();
        current.Set(first);

        Should.Throw<InvalidOperationException>(() => current.Set(Tenants.Location("sunshine")))
            .Message.ShouldContain("ITenantScopeFactory");

        current.Tenant.ShouldBeSameAs(first);
    }

    [Fact]
    public void RefuseToFallBackToPlatformOnceATenantIsSet()
    {
        var first = Tenants.Location("st-albans");
        var current = new CurrentTenant();
        current.Set(first);

        Should.Throw<InvalidOperationException>(() => current.Set(null));

        current.Tenant.ShouldBeSameAs(first);
    }

    [Fact]
    public void RefuseATenantOncePlatformIsSet()
    {
        var current = new CurrentTenant();
        current.Set(null);

        Should.Throw<InvalidOperationException>(() => current.Set(Tenants.Location("st-albans")));

        current.Tenant.ShouldBeNull();
    }

    [Fact]
    public async Task LetExactlyOneOfManyConcurrentCallersSetIt()
    {
        var current = new CurrentTenant();
        var tenants = Enumerable.Range(0, 32).Select(i => Tenants.Location($"gym-{i}")).ToArray();
        using var start = new ManualResetEventSlim();

        var attempts = tenants.Select(tenant => Task.Run(() =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            try
            {
                current.Set(tenant);
                return tenant;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        })).ToArray();
        start.Set();
        var winners = (await Task.WhenAll(attempts)).OfType<TenantInfo>().ToArray();

        winners.Length.ShouldBe(1);
        current.Tenant.ShouldBeSameAs(winners[0]);
    }
}
