namespace Derrimut.Payroll.Data;

/// <summary>One row of a coefficient table as stored: weekly earnings x less than <see cref="LessThan"/> (null: "and over"), y = a·x − b.</summary>
internal sealed record WithholdingBracketRow(decimal? LessThan, decimal A, decimal B);

/// <summary>
/// A NAT 1004 table for one scale, in force for payments on or after <see cref="EffectiveFrom"/> (until a later
/// schedule date). Platform data, shared by every location (no tenant): the ATO's tables are the same for every gym.
/// Rows are only ever added, never changed, so a finalised payslip's table name always points at the figures it used.
/// Scale 4 (no TFN) has no brackets, only its two flat rates.
/// </summary>
internal sealed class WithholdingTableRecord : IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The ATO's scale number, 1–6.</summary>
    public int Scale { get; set; }

    /// <summary>e.g. "NAT1004-2026-07-01 scale 2": what payslips record as the table used.</summary>
    public string Identifier { get; set; } = "";

    /// <summary>Where the figures come from (citation), shown with every calculation.</summary>
    public string Source { get; set; } = "";

    public List<WithholdingBracketRow> Brackets { get; set; } = [];

    public decimal? NoTfnResidentRate { get; set; }

    public decimal? NoTfnForeignRate { get; set; }

    /// <summary>The superadmin who added it; null for figures seeded from the code's tables.</summary>
    public Guid? AddedBy { get; set; }

    public string AddedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The super guarantee rule for payments from <see cref="EffectiveFrom"/> (a 1 July): rate, basis (quarterly or
/// Payday Super) and that financial year's maximum contribution base. Platform data, added only, never changed.
/// </summary>
internal sealed class SuperGuaranteeRule : IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateOnly EffectiveFrom { get; set; }

    public decimal Rate { get; set; }

    public Domain.Superannuation.SuperGuaranteeBasis Basis { get; set; }

    /// <summary>Per quarter (quarterly basis) or per financial year (Payday Super); null when not known.</summary>
    public long? MaximumContributionBaseCents { get; set; }

    public string Source { get; set; } = "";

    public Guid? AddedBy { get; set; }

    public string AddedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
