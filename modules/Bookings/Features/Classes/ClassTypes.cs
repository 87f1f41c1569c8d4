using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>Body of <c>POST /api/classes/types</c>.</summary>
/// <param name="Name">e.g. "Vinyasa yoga" (unique at the gym).</param>
/// <param name="Description">What to expect.</param>
/// <param name="DurationMinutes">15–240, in quarter hours.</param>
/// <param name="Capacity">1–500 spots.</param>
/// <param name="Room">Where.</param>
/// <param name="Level">Who it suits.</param>
internal sealed record CreateClassTypeRequest(string? Name, string? Description, int DurationMinutes, int Capacity, string? Room, ClassLevel? Level) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name", 80).MaxLength(Description, "description", 1000).MaxLength(Room, "room", 80);
        errors.AddIf(DurationMinutes is < 15 or > 240 || DurationMinutes % 15 != 0, "durationMinutes", "A class lasts 15 to 240 minutes, in quarter hours.");
        errors.AddIf(Capacity is < 1 or > 500, "capacity", "A class has 1 to 500 spots.");
    }
}

/// <summary>The location's class types: the admin timetable editor and the API.</summary>
internal sealed class ClassTypesHandler(DerrimutDbContext db)
{
    public async Task<IReadOnlyList<ClassTypeDto>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<ClassType>().AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
            .Select(t => new ClassTypeDto(t.Id, t.Name, t.Description, t.DurationMinutes, t.Capacity, t.Room, t.Level))
            .ToListAsync(cancellationToken);

    public async Task<ClassTypeDto> CreateAsync(CreateClassTypeRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var name = request.Name!.Trim();
        if (await db.Set<ClassType>().AnyAsync(t => t.Name == name, cancellationToken))
        {
            throw new ConflictException("This gym already has a class type of that name.", "name");
        }

        var type = new ClassType
        {
            Name = name, Description = request.Description?.Trim() ?? "", DurationMinutes = request.DurationMinutes,
            Capacity = request.Capacity, Room = request.Room?.Trim() ?? "", Level = request.Level ?? ClassLevel.AllLevels,
        };
        db.Add(type);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Two admins naming the same type at once: the unique index decides.
            throw new ConflictException("This gym already has a class type of that name.", "name");
        }

        return new ClassTypeDto(type.Id, type.Name, type.Description, type.DurationMinutes, type.Capacity, type.Room, type.Level);
    }
}

/// <summary><c>GET/POST /api/classes/types</c>.</summary>
internal static class ClassTypesEndpoints
{
    public static void MapClassTypes(this RouteGroupBuilder admin, RouteGroupBuilder writes)
    {
        admin.MapGet("/types", async (ClassTypesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("ListClassTypes");
        writes.MapPost("/types", async Task<Created<ClassTypeDto>> (CreateClassTypeRequest request, ClassTypesHandler handler, CancellationToken ct) =>
            {
                var created = await handler.CreateAsync(request, ct);
                return TypedResults.Created($"/api/classes/types/{created.Id}", created);
            })
            .WithName("CreateClassType");
    }
}
