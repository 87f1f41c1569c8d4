using System.Security.Claims;
using Derrimut.BuildingBlocks.Email;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Derrimut.Identity.Features.TenantUsers;

/// <summary>Body of <c>POST /api/identity/users/invite</c>.</summary>
internal sealed record InviteUserRequest(string Email, string? DisplayName, IReadOnlyList<string>? Roles) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(Email, "email", 256);
        errors.AddIf(!string.IsNullOrWhiteSpace(Email) && !RoleRules.IsEmail(Email), "email", "The email address is not valid.");
        errors.MaxLength(DisplayName, "displayName", 200);
        RoleRules.Validate(Roles, errors, "roles");
    }
}

/// <summary>Body of <c>PUT /api/identity/users/{userId}/roles</c>.</summary>
internal sealed record SetRolesRequest(IReadOnlyList<string>? Roles) : IValidatable
{
    public void Validate(ValidationErrors errors) => RoleRules.Validate(Roles, errors, "roles");
}

internal static class RoleRules
{
    public static bool IsEmail(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && value.Contains('.', StringComparison.Ordinal);

    public static void Validate(IReadOnlyList<string>? roles, ValidationErrors errors, string field)
    {
        if (roles is null || roles.Count == 0)
        {
            errors.Add(field, "Give at least one role: member, trainer, staff or admin.");
            return;
        }

        for (var i = 0; i < roles.Count; i++)
        {
            errors.AddIf(!IdentityRoles.Location.Contains(roles[i]), $"{field}[{i}]", $"Unknown role '{roles[i]}'. Roles are member, trainer, staff and admin.");
        }
    }

    public static List<string> Normalise(IEnumerable<string> roles) =>
        roles.Distinct(StringComparer.Ordinal).OrderBy(r => IdentityRoles.Location.ToList().IndexOf(r)).ToList();
}

/// <summary>
/// <c>/api/identity/users</c>: a location's admins list their people, invite staff by email, change roles and
/// deactivate. The endpoints and the admin's people page run the same <see cref="PeopleAtGym"/> handler.
/// </summary>
internal static class TenantUsersEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/identity/users")
            .RequireLocation()
            .RequireAuthorization(IdentityPermissions.ManageOrganizationUsers)
            .WithTags("Identity: people at this gym");
        group.MapGet("/", async (string? search, string? role, int? page, int? pageSize, PeopleAtGym people, CancellationToken ct) =>
                TypedResults.Ok(await people.ListAsync(search, role, page, pageSize, ct)))
            .WithName("ListTenantUsers");
        var writes = group.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        writes.MapPost("/invite", async (InviteUserRequest request, PeopleAtGym people, CancellationToken ct) =>
            {
                var invited = await people.InviteAsync(request, ct);
                return TypedResults.Created($"/api/identity/users/{invited.UserId}", invited);
            })
            .WithName("InviteTenantUser");
        writes.MapPut("/{userId:guid}/roles", async (Guid userId, SetRolesRequest request, ClaimsPrincipal me, PeopleAtGym people, CancellationToken ct) =>
                TypedResults.Ok(await people.SetRolesAsync(me, userId, request, ct)))
            .WithName("SetTenantUserRoles");
        writes.MapPost("/{userId:guid}/deactivate", async (Guid userId, ClaimsPrincipal me, PeopleAtGym people, CancellationToken ct) =>
                TypedResults.Ok(await people.SetActiveAsync(me, userId, false, ct)))
            .WithName("DeactivateTenantUser");
        writes.MapPost("/{userId:guid}/reactivate", async (Guid userId, ClaimsPrincipal me, PeopleAtGym people, CancellationToken ct) =>
                TypedResults.Ok(await people.SetActiveAsync(me, userId, true, ct)))
            .WithName("ReactivateTenantUser");
    }
}

/// <summary>
/// The gym's people: list, invite, change roles, deactivate and reactivate. The tenant filter scopes every query to
/// the location; other gyms' people are simply not there. Called by the API and by the admin's people page.
/// </summary>
internal sealed class PeopleAtGym(
    DerrimutDbContext db, ICurrentTenant tenant, UserManager<DerrimutUser> users, IEmailSender email, TimeProvider time, ILiveUpdates live, ISiteAddresses sites)
{
    public async Task<TenantUserPage> ListAsync(string? search, string? role, int? page, int? pageSize, CancellationToken ct)
    {
        RequestRules.RequireLocation(tenant);
        var errors = new ValidationErrors();
        var pageNumber = page ?? 1;
        var size = pageSize ?? Paging.DefaultPageSize;
        errors.Page(pageNumber, size);
        errors.MaxLength(search, "search", 100);
        errors.AddIf(role is not null && !IdentityRoles.Location.Contains(role), "role", "Roles are member, trainer, staff and admin.");
        errors.ThrowIfAny();

        var access = db.Set<LocationAccess>().AsNoTracking();
        if (role is not null)
        {
            access = access.Where(RoleColumn.Holds(role));
        }

        var query = from m in access
                    join u in db.Set<DerrimutUser>().AsNoTracking() on m.UserId equals u.Id
                    select new { m, u };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            // The name searched is the name shown: an invited login that has not come here yet is found by the name the
            // gym typed, never by the one it goes by elsewhere (searching must not confirm a guess at it).
            query = query.Where(x => x.u.NormalizedEmail!.Contains(term) || (x.m.InvitedName ?? x.u.DisplayName).ToUpper().Contains(term));
        }

        // Counted and paged by the database: a big gym's people never load whole (issue 12).
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.m.InvitedName ?? x.u.DisplayName).ThenBy(x => x.u.Email).ThenBy(x => x.m.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        return new TenantUserPage(rows.Select(x => ToDto(x.m, x.u)).ToList(), total, pageNumber, size);
    }

    /// <summary>Invites with the link in the email pointing at this gym's own site, as configured (never the request's host).</summary>
    public async Task<TenantUserDto> InviteAsync(InviteUserRequest request, CancellationToken ct)
    {
        RequestRules.ThrowIfInvalid(request);
        RequestRules.RequireLocation(tenant);
        var address = request.Email.Trim();
        var user = await users.FindByEmailAsync(address);
        var existed = user is not null;
        if (user is null)
        {
            user = new DerrimutUser
            {
                Id = Guid.CreateVersion7(),
                UserName = address,
                Email = address,
                DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? address : request.DisplayName.Trim(),
                CreatedAt = time.GetUtcNow(),
            };
            IdentityResult created;
            try
            {
                created = await users.CreateAsync(user);
            }
            catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
            {
                // Two invitations of one new address racing (two admins, or a double click): the unique user name
                // index lets one login in; this one joins that login to the gym, or meets the access index below.
                db.ChangeTracker.Clear();
                user = await users.FindByEmailAsync(address) ?? throw new ConflictException($"{address} is being added right now; try again.", "email");
                created = IdentityResult.Success;
            }

            if (!created.Succeeded && created.Errors.All(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
            {
                // The same race, lost a moment later: Identity's own uniqueness check saw the winner's committed
                // login before the index had to. Same outcome as above.
                db.ChangeTracker.Clear();
                user = await users.FindByEmailAsync(address) ?? throw new ConflictException($"{address} is being added right now; try again.", "email");
                created = IdentityResult.Success;
            }

            if (!created.Succeeded)
            {
                throw IdentityErrors.ToValidation(created, "email");
            }
        }

        if (await db.Set<LocationAccess>().AnyAsync(m => m.UserId == user.Id, ct))
        {
            throw new ConflictException($"{address} already belongs to this gym; change their roles instead.", "email");
        }

        var typed = string.IsNullOrWhiteSpace(request.DisplayName) ? address : request.DisplayName.Trim();
        // A login that already existed keeps its own name elsewhere; here the gym sees what it typed until they come.
        var access = new LocationAccess { UserId = user.Id, Roles = RoleRules.Normalise(request.Roles!), InvitedName = existed ? typed : null };
        db.Add(access);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            throw new ConflictException($"{address} already belongs to this gym.", "email");
        }

        var location = tenant.Tenant!;
        var roles = string.Join(", ", access.Roles);
        if (user.PasswordHash is null)
        {
            // No login yet (new here, or invited elsewhere and never finished): a link to choose a password.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{sites.ForCurrentSite("/account/reset-password")}?email={Uri.EscapeDataString(address)}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}&invited=1";
            await email.SendAsync(new EmailMessage(address, user.DisplayName, $"You're invited to {location.Name}",
                $"Hi {user.DisplayName},\n\n{location.Name} has added you as {roles}.\nSet your password to sign in: {link}\n"), ct);
        }
        else
        {
            // An existing login gets no password-reset token (a gym admin must not be able to send one to anybody's
            // address): a sign-in link, and the gym is in their list of gyms once they sign in.
            var link = sites.ForCurrentSite("/account/login");
            await email.SendAsync(new EmailMessage(address, user.DisplayName, $"You're invited to {location.Name}",
                $"Hi {user.DisplayName},\n\n{location.Name} has added you as {roles}.\n" +
                $"Sign in with your Derrimut login as usual: {link}\nThe gym now appears in your list of gyms.\n"), ct);
        }

        await PublishAsync(user.Id, ct);
        // The answer says only what the inviting gym typed: whether the address already had a login elsewhere, the
        // name it goes by there and whether its e-mail is confirmed are other gyms' business (the same answer either way).
        return new TenantUserDto(user.Id, address, typed, access.Roles, access.IsActive, false, access.CreatedAt, PersonStatus.Invited);
    }

    /// <summary>Replaces a person's roles here. Admins cannot remove their own admin role.</summary>
    public async Task<TenantUserDto> SetRolesAsync(ClaimsPrincipal me, Guid userId, SetRolesRequest request, CancellationToken ct)
    {
        RequestRules.ThrowIfInvalid(request);
        RequestRules.RequireLocation(tenant);
        var access = await db.Set<LocationAccess>().FirstOrDefaultAsync(m => m.UserId == userId, ct)
            ?? throw new NotFoundException("This person does not belong to this gym.");
        var roles = RoleRules.Normalise(request.Roles!);
        if (IsSelf(me, userId) && access.Roles.Contains(IdentityRoles.Admin) && !roles.Contains(IdentityRoles.Admin))
        {
            throw new ConflictException("You cannot remove your own admin role; ask another admin.", "roles");
        }

        access.Roles = roles;
        await db.SaveChangesAsync(ct);
        await PublishAsync(userId, ct);
        var user = await db.Set<DerrimutUser>().AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        return ToDto(access, user);
    }

    /// <summary>Switches a person's access here off (not one's own) or back on.</summary>
    public async Task<TenantUserDto> SetActiveAsync(ClaimsPrincipal me, Guid userId, bool active, CancellationToken ct)
    {
        RequestRules.RequireLocation(tenant);
        var access = await db.Set<LocationAccess>().FirstOrDefaultAsync(m => m.UserId == userId, ct)
            ?? throw new NotFoundException("This person does not belong to this gym.");
        if (!active && IsSelf(me, userId))
        {
            throw new ConflictException("You cannot deactivate yourself.");
        }

        access.IsActive = active;
        if (active)
        {
            await db.SaveChangesAsync(ct);
        }
        else
        {
            // A new security stamp ends the person's open sessions and revokes their tokens (Sessions): a removed
            // staff member must not keep a signed-in page or an app token. Their other gyms ask for a fresh sign-in.
            // The people store saves this context, so the deactivation and the new stamp are written together.
            var person = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("No such person.");
            var stamped = await users.UpdateSecurityStampAsync(person);
            if (!stamped.Succeeded)
            {
                throw new ConflictException(string.Join(" ", stamped.Errors.Select(e => e.Description)));
            }
        }

        await PublishAsync(userId, ct);
        var user = await db.Set<DerrimutUser>().AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        return ToDto(access, user);
    }

    /// <summary>People belong to a location; the API's route filter says the same before the handler runs.</summary>
    /// <summary>After the commit: open people lists of this gym reload (the update carries no data).</summary>
    private Task PublishAsync(Guid userId, CancellationToken ct) =>
        live.PublishAsync(new LiveUpdate(tenant.Tenant!.Id, IdentityTopics.People, Detail: userId.ToString()), ct);

    private static bool IsSelf(ClaimsPrincipal me, Guid userId) => me.FindUserId() == userId;

    /// <summary>
    /// A person as this gym sees them. An invited login that has not come here yet shows only what the gym typed: the
    /// typed name, not confirmed, invited (the same as a brand-new address), whatever it is at other gyms.
    /// </summary>
    private static TenantUserDto ToDto(LocationAccess m, DerrimutUser u) => m.InvitedName is { } typed
        ? new(u.Id, u.Email ?? "", typed, m.Roles, m.IsActive, false, m.CreatedAt, m.IsActive ? PersonStatus.Invited : PersonStatus.Deactivated)
        : new(u.Id, u.Email ?? "", u.DisplayName, m.Roles, m.IsActive, u.EmailConfirmed, m.CreatedAt, StatusOf(m, u));

    private static PersonStatus StatusOf(LocationAccess m, DerrimutUser u) =>
        !m.IsActive ? PersonStatus.Deactivated : u.PasswordHash is null ? PersonStatus.Invited : PersonStatus.Active;
}

/// <summary>Requests validated by the handler itself, so a page's call meets the same rules as the API's filter.</summary>
internal static class RequestRules
{
    public static void ThrowIfInvalid(IValidatable request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
    }

    /// <summary>People, grants and integrations belong to a location; the API's route filter says the same first.</summary>
    public static void RequireLocation(ICurrentTenant tenant)
    {
        if (tenant.Tenant is not { IsLocation: true })
        {
            throw new ForbiddenException("People, permissions and integrations are managed on each gym's own site.");
        }
    }
}

/// <summary>Turns Identity's error codes into field errors.</summary>
internal static class IdentityErrors
{
    public static ValidationException ToValidation(IdentityResult result, string defaultField)
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                var c when c.StartsWith("Password", StringComparison.Ordinal) => "password",
                "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => "email",
                _ => defaultField,
            };
            errors.Add(field, error.Description);
        }

        return new ValidationException(errors.ToDictionary());
    }
}

/// <summary>
/// "Holds this role" as a query every provider translates. Roles are a JSON list in one text column (a value
/// converter), which no provider can search inside portably; but a stored list is an ordering of distinct location
/// roles, so holding a role is equalling one of the few lists that contain it (64 orderings of four roles, 49 with any
/// one of them), and the converter turns each candidate into the exact stored text.
/// </summary>
internal static class RoleColumn
{
    private static readonly Dictionary<string, System.Linq.Expressions.Expression<Func<LocationAccess, bool>>> ByRole =
        IdentityRoles.Location.ToDictionary(r => r, Build, StringComparer.Ordinal);

    public static System.Linq.Expressions.Expression<Func<LocationAccess, bool>> Holds(string role) => ByRole[role];

    private static System.Linq.Expressions.Expression<Func<LocationAccess, bool>> Build(string role)
    {
        var access = System.Linq.Expressions.Expression.Parameter(typeof(LocationAccess), "m");
        var roles = System.Linq.Expressions.Expression.Property(access, nameof(LocationAccess.Roles));
        var any = Orderings(IdentityRoles.Location.ToList())
            .Where(list => list.Contains(role, StringComparer.Ordinal))
            .Select(list => System.Linq.Expressions.Expression.Equal(roles, System.Linq.Expressions.Expression.Constant(list, typeof(List<string>))))
            .Aggregate<System.Linq.Expressions.Expression>((a, b) => System.Linq.Expressions.Expression.OrElse(a, b));
        return System.Linq.Expressions.Expression.Lambda<Func<LocationAccess, bool>>(any, access);
    }

    /// <summary>Every non-empty ordering of distinct items.</summary>
    private static IEnumerable<List<string>> Orderings(List<string> items)
    {
        foreach (var first in items)
        {
            yield return [first];
            foreach (var rest in Orderings(items.Where(i => i != first).ToList()))
            {
                yield return [first, .. rest];
            }
        }
    }
}
