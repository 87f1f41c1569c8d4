using Derrimut.AiPlans.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Data;

/// <summary>The AiPlans module's tables, in schema <c>aiplans</c>.</summary>
internal static class AiPlansModel
{
    public const string Schema = "aiplans";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MemberPlan>(b =>
        {
            b.ToTable("plans", Schema);
            b.HasKey(p => p.Id);
            b.Ignore(p => p.IsActive);
            // One active plan per member per location, enforced by the database. ActiveMemberId is null on superseded
            // versions; unique indexes never treat nulls as equal (SQL Server's gets an IS NOT NULL filter from EF).
            b.HasIndex(p => new { p.TenantId, p.ActiveMemberId }).IsUnique();
            b.HasIndex(p => new { p.TenantId, p.MemberId, p.Number }).IsUnique();
            b.Property(p => p.Name).HasMaxLength(200).IsRequired();
            b.Property(p => p.PlanJson).IsRequired();
            b.Property(p => p.InputJson).IsRequired().HasMaxLength(4000);
            b.Property(p => p.Goal).HasMaxLength(32).IsRequired();
            b.Property(p => p.Generator).HasMaxLength(40).IsRequired();
            b.Property(p => p.GeneratorReason).HasMaxLength(1000);
            b.Property(p => p.Source).HasMaxLength(20).IsRequired();
            b.Property(p => p.SourceReference).HasMaxLength(100);
            b.Property(p => p.ReviewedByName).HasMaxLength(200);
        });
        modelBuilder.Entity<VoiceAssistantSettings>(b =>
        {
            b.ToTable("voice_assistant_settings", Schema);
            b.HasKey(s => s.Id);
            b.HasIndex(s => s.TenantId).IsUnique();
            b.Property(s => s.ProtectedSecret).HasMaxLength(2000).IsRequired();
            b.Property(s => s.PublicKey).HasMaxLength(100);
            b.Property(s => s.AssistantId).HasMaxLength(100);
        });
        Features.Vapi.VoiceAssistantAudit.Configure(modelBuilder);
    }
}
