namespace Derrimut.BuildingBlocks.Errors;

/// <summary>
/// The paging rules every list shares (issue 12: lists page in the database): pages start at 1, a page holds at most
/// <see cref="MaxPageSize"/> rows, and a bad number is a 400 problem naming <c>page</c> or <c>pageSize</c> (never a
/// 500, never a silent clamp that would hide rows from a client walking the pages).
/// </summary>
public static class Paging
{
    /// <summary>Rows on a page when the caller does not say.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The most rows one page may hold.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Checks <paramref name="page"/> and <paramref name="pageSize"/>; the rows to skip are <c>(page - 1) * pageSize</c>.</summary>
    public static ValidationErrors Page(this ValidationErrors errors, int page, int pageSize, int maxPageSize = MaxPageSize) =>
        errors
            .AddIf(page < 1, "page", "Pages start at 1.")
            // A page number whose offset overflows an int is no page anyone can reach.
            .AddIf(page > int.MaxValue / Math.Max(1, maxPageSize), "page", "That page is beyond any list.")
            .AddIf(pageSize < 1 || pageSize > maxPageSize, "pageSize", $"The page size must be between 1 and {maxPageSize}.");
}
