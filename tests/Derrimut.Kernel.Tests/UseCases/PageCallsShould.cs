using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.UseCases;

namespace Derrimut.Kernel.Tests.UseCases;

public sealed class PageCallsShould : IAsyncDisposable
{
    private const string Refund = "manage:memberships";
    private static readonly Guid Ava = Guid.Parse("0b6d8f1a-2c3e-4d5f-8a9b-1c2d3e4f5a6b");

    private readonly TenantInfo _stAlbans = Tenants.Location("st-albans");
    private readonly AccessBook _access = new();
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _circuit;

    public PageCallsShould()
    {
        _services = new ServiceCollection()
            .AddScoped<CurrentTenant>()
            .AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>())
            .AddSingleton<ITenantCatalog>(new OneTenantCatalog(_stAlbans))
            .AddSingleton<ITenantScopeFactory, TenantScopeFactory>()
            .AddSingleton(new Derrimut.BuildingBlocks.Modularity.ModuleCatalog([]))
            .AddSingleton<IPermissionChecker, ClaimsPermissionChecker>()
            .AddSingleton(_access)
            .AddScoped<IPersonAccessReader, BookAccessReader>()
            .AddScoped<IPageCalls, PageCalls>()
            .AddScoped<ScopeMarker>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        // The circuit: a long-lived scope whose tenant the router set when the page opened.
        _circuit = _services.CreateAsyncScope();
        _circuit.ServiceProvider.GetRequiredService<CurrentTenant>().Set(_stAlbans);
    }

    private IPageCalls Calls => _circuit.ServiceProvider.GetRequiredService<IPageCalls>();

    [Fact]
    public async Task RunEachCallInAFreshScopeOfThePagesTenant()
    {
        _access.Grant(Ava, _stAlbans, Refund);
        var page = SignedIn(Ava, Refund);

        var first = await Calls.RunAsync(page, AccessRule.Holding(Refund), call => Task.FromResult(Seen(call)), TestContext.Current.CancellationToken);
        var second = await Calls.RunAsync(page, AccessRule.Holding(Refund), call => Task.FromResult(Seen(call)), TestContext.Current.CancellationToken);

        first.Tenant.ShouldBe(_stAlbans.Id);
        second.Tenant.ShouldBe(_stAlbans.Id);
        first.Marker.ShouldNotBe(second.Marker);
        first.Marker.ShouldNotBe(_circuit.ServiceProvider.GetRequiredService<ScopeMarker>().Id);
    }

    [Fact]
    public async Task RefuseAnOpenPagesActionOnceThePersonLostThePermission()
    {
        _access.Grant(Ava, _stAlbans, Refund);
        var openedWith = SignedIn(Ava, Refund); // the claims the page opened with still say "may refund"
        _access.Revoke(Ava);
        var ran = false;

        await Should.ThrowAsync<ForbiddenException>(() => Calls.RunAsync(openedWith, AccessRule.Holding(Refund), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken));

        ran.ShouldBeFalse();
    }

    [Fact]
    public async Task RefuseAPersonWhoMayNoLongerSignIn()
    {
        var page = SignedIn(Ava, Refund);

        await Should.ThrowAsync<ForbiddenException>(() => Calls.RunAsync(page, AccessRule.SignedIn, _ => Task.CompletedTask, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HandTheCallThePersonsCurrentAccessNotTheStaleClaims()
    {
        _access.Grant(Ava, _stAlbans, "view:memberships");
        var page = SignedIn(Ava, Refund);

        var user = await Calls.RunAsync(page, AccessRule.SignedIn, call => Task.FromResult(call.User), TestContext.Current.CancellationToken);

        user.HasClaim(DerrimutClaims.Permission, Refund).ShouldBeFalse();
        user.HasClaim(DerrimutClaims.Permission, "view:memberships").ShouldBeTrue();
    }

    [Fact]
    public async Task LetAnyoneMakeAPublicCallButRefuseAnonymousWhereSignInIsNeeded()
    {
        var visitor = new ClaimsPrincipal(new ClaimsIdentity());

        (await Calls.RunAsync(visitor, AccessRule.Anyone, _ => Task.FromResult(1), TestContext.Current.CancellationToken)).ShouldBe(1);
        await Should.ThrowAsync<ForbiddenException>(() => Calls.RunAsync(visitor, AccessRule.SignedIn, _ => Task.CompletedTask, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task KeepSuperadminCallsForSuperadmins()
    {
        _access.Grant(Ava, _stAlbans, Refund);

        await Should.ThrowAsync<ForbiddenException>(() => Calls.RunAsync(SignedIn(Ava), AccessRule.SuperAdmin, _ => Task.CompletedTask, TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _circuit.DisposeAsync();
        await _services.DisposeAsync();
    }

    private static (Guid? Tenant, Guid Marker) Seen(PageCall call) =>
        (call.Get<ICurrentTenant>().Tenant?.Id, call.Get<ScopeMarker>().Id);

    private static ClaimsPrincipal SignedIn(Guid userId, params string[] permissions) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), .. permissions.Select(p => new Claim(DerrimutClaims.Permission, p))],
        "cookie"));

    private sealed class ScopeMarker
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    /// <summary>What each person may do now, standing in for Identity's tables.</summary>
    private sealed class AccessBook
    {
        private readonly Dictionary<Guid, (TenantInfo Tenant, string[] Permissions)> _grants = [];

        public void Grant(Guid userId, TenantInfo tenant, params string[] permissions) => _grants[userId] = (tenant, permissions);

        public void Revoke(Guid userId) => _grants[userId] = (_grants[userId].Tenant, []);

        public (TenantInfo Tenant, string[] Permissions)? Find(Guid userId) => _grants.TryGetValue(userId, out var g) ? g : null;
    }

    private sealed class BookAccessReader(AccessBook book, ICurrentTenant tenant) : IPersonAccessReader
    {
        public Task<ClaimsPrincipal?> ReadAsync(Guid userId, CancellationToken cancellationToken)
        {
            if (book.Find(userId) is not { } grants)
            {
                return Task.FromResult<ClaimsPrincipal?>(null);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "page-call");
            if (tenant.Tenant?.Id == grants.Tenant.Id)
            {
                identity.AddClaim(new Claim(DerrimutClaims.Tenant, grants.Tenant.Id.ToString()));
                identity.AddClaims(grants.Permissions.Select(p => new Claim(DerrimutClaims.Permission, p)));
            }

            return Task.FromResult<ClaimsPrincipal?>(new ClaimsPrincipal(identity));
        }
    }

    private sealed class OneTenantCatalog(TenantInfo tenant) : ITenantCatalog
    {
        public ValueTask<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(identifier == tenant.Identifier ? tenant : null);

        public ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(id == tenant.Id ? tenant : null);

        public Task InvalidateAsync(Guid tenantId, IEnumerable<string> identifiers, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
