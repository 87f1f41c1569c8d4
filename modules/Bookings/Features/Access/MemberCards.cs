using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Access;

/// <summary>Body of <c>PUT /api/access/cards/{memberId}</c>.</summary>
/// <param name="CardNumber">The number the card's reader sends (letters and digits, 4–40).</param>
internal sealed record AssignCardRequest(string? CardNumber) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(CardNumber, "cardNumber", MemberCards.MaxLength);
        var number = MemberCards.Normalise(CardNumber);
        errors.AddIf(number.Length is > 0 and < 4 || !number.All(char.IsAsciiLetterOrDigit), "cardNumber", "Give the card number as printed: 4 to 40 letters and digits.");
    }
}

/// <summary>
/// Member card numbers: staff assign a card to a member of this gym, and doors and the desk accept the number instead of
/// a QR code. A number names one member per location (a second assignment is a conflict on <c>cardNumber</c>), a member
/// holds one card per location (assigning again replaces it: a lost card stops working at once).
/// </summary>
internal sealed class MemberCards(DerrimutDbContext db, ILocationPeople people, IPeopleReadModel everyone)
{
    public const int MaxLength = 40;

    /// <summary>How numbers are compared: readers differ in case and spacing, the card is the same.</summary>
    public static string Normalise(string? number) => string.Concat((number ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();

    /// <summary>
    /// The gym's cards, searched by the member's name or email or the card number, counted and paged by the database
    /// (issue 12): a gym with thousands of cards never loads them whole.
    /// </summary>
    public async Task<MemberCardPage> ListAsync(string? search, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var pageNumber = page ?? 1;
        var size = pageSize ?? Paging.DefaultPageSize;
        var errors = new ValidationErrors().Page(pageNumber, size);
        errors.MaxLength(search, "search", 100);
        errors.ThrowIfAny();

        var query = from c in db.Set<MemberCard>().AsNoTracking()
                    join p in everyone.People on c.PersonId equals p.UserId
                    select new { c, p };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            var number = Normalise(search);
            query = query.Where(x => x.p.Email.ToUpper().Contains(term) || x.p.DisplayName.ToUpper().Contains(term) || x.c.CardNumber.Contains(number));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(x => x.p.DisplayName).ThenBy(x => x.c.PersonId)
            .Skip((pageNumber - 1) * size).Take(size)
            .Select(x => new MemberCardDto(x.c.PersonId, x.p.DisplayName, x.c.CardNumber, x.c.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new MemberCardPage(items, total, pageNumber, size);
    }

    public async Task<MemberCardDto> AssignAsync(Guid memberId, AssignCardRequest request, Guid? staffId, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        // Only people of this gym get its cards (another gym's person is "not found" here, like any other gym's row).
        var person = await people.FindAsync(memberId, cancellationToken) ?? throw new NotFoundException("No such member at this gym.");
        var number = Normalise(request.CardNumber);
        if (await db.Set<MemberCard>().AnyAsync(c => c.CardNumber == number && c.PersonId != memberId, cancellationToken))
        {
            throw new ConflictException("That card number is already another member's at this gym.", "cardNumber");
        }

        var card = await db.Set<MemberCard>().FirstOrDefaultAsync(c => c.PersonId == memberId, cancellationToken);
        if (card is null)
        {
            card = new MemberCard { PersonId = memberId };
            db.Add(card);
        }

        card.CardNumber = number;
        card.AssignedBy = staffId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Two desks assigning the same number at once: the unique index decided, the other is told.
            throw new ConflictException("That card number is already another member's at this gym.", "cardNumber");
        }

        return new MemberCardDto(memberId, person.DisplayName, card.CardNumber, card.UpdatedAt);
    }

    public async Task RemoveAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.Set<MemberCard>().Where(c => c.PersonId == memberId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The member holding this card number at this gym, if anyone does.</summary>
    public async Task<Guid?> HolderAsync(string cardNumber, CancellationToken cancellationToken)
    {
        var number = Normalise(cardNumber);
        return await db.Set<MemberCard>().AsNoTracking().Where(c => c.CardNumber == number).Select(c => (Guid?)c.PersonId).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary><c>/api/access/cards</c>: the front desk assigns, lists and withdraws member cards.</summary>
internal static class MemberCardEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cards = api.MapGroup("/access/cards").RequireLocation().RequireAuthorization(ClassesPermissions.CheckInMembers).WithTags("Access: member cards");
        cards.MapGet("/", (string? search, int? page, int? pageSize, MemberCards handler, CancellationToken ct) => handler.ListAsync(search, page, pageSize, ct))
            .WithName("ListMemberCards");
        cards.MapPut("/{memberId:guid}", async (Guid memberId, AssignCardRequest request, ClaimsPrincipal user, MemberCards handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AssignAsync(memberId, request, user.FindUserId(), ct)))
            .RequireRateLimiting(RateLimitPolicies.Writes).WithName("AssignMemberCard");
        cards.MapDelete("/{memberId:guid}", async (Guid memberId, MemberCards handler, CancellationToken ct) =>
            {
                await handler.RemoveAsync(memberId, ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithName("RemoveMemberCard");
    }
}
