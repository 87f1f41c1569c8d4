using Derrimut.BuildingBlocks.Modularity;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>A location-owned, soft-deletable row for the isolation tests, with location-owned children.</summary>
public sealed class ProbeNote : ILocationOwned, ISoftDeletable
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public string Code { get; set; } = "";

    public string Text { get; set; } = "";

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public List<ProbeComment> Comments { get; set; } = [];
}

public sealed class ProbeComment : ILocationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid NoteId { get; set; }

    public ProbeNote? Note { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>A franchise-owned row: visible to the franchise and its locations.</summary>
public sealed class ProbeFranchiseNote : IFranchiseOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FranchiseId { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>A test-only module contributing the probe tables to the composed model.</summary>
public sealed class IsolationProbeModule : DerrimutModule
{
    public override string Name => "Probe";

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeNote>(b =>
        {
            b.ToTable("notes", "probe");
            b.HasIndex(n => new { n.TenantId, n.Code }).IsUnique();
            b.HasMany(n => n.Comments).WithOne(c => c.Note).HasForeignKey(c => c.NoteId);
        });
        modelBuilder.Entity<ProbeComment>().ToTable("comments", "probe");
        modelBuilder.Entity<ProbeFranchiseNote>().ToTable("franchise_notes", "probe");
    }
}

/// <summary>A module whose unique index forgets the owner column: the model check must catch it.</summary>
public sealed class BadIndexProbeModule : DerrimutModule
{
    public override string Name => "BadProbe";

    public override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ProbeNote>(b =>
        {
            b.ToTable("notes", "bad_probe");
            b.HasIndex(n => n.Code).IsUnique();
            b.Ignore(n => n.Comments);
        });
}
