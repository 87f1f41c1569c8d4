using Derrimut.BuildingBlocks.Data;

namespace Derrimut.AiPlans.Domain.Plans;

/// <summary>
/// One version of a member's workout and diet plan at a location (the original <c>fitnessPlans</c> row, plus energy,
/// input facts, provenance and review). A member has many versions and at most one active one: the active version
/// carries the member's id in <see cref="ActiveMemberId"/>, which a unique index over (tenant, ActiveMemberId)
/// makes the database enforce; superseded versions have it null (nulls never collide).
/// </summary>
internal sealed class MemberPlan : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>The member (user id) the plan is for.</summary>
    public Guid MemberId { get; set; }

    /// <summary>1, 2, 3… per member at this location; unique with the member.</summary>
    public int Number { get; set; }

    /// <summary><see cref="MemberId"/> while this is the active plan, null once superseded.</summary>
    public Guid? ActiveMemberId { get; set; }

    public bool IsActive => ActiveMemberId is not null;

    public string Name { get; set; } = "";

    /// <summary>The whole plan (energy, workout plan, diet plan) as <see cref="PlanJson"/> text.</summary>
    public string PlanJson { get; set; } = "";

    /// <summary>The member's answers (<see cref="Input.PlanRequest"/>) as <see cref="PlanJson"/> text.</summary>
    public string InputJson { get; set; } = "";

    // Energy and the plan's size as columns too, for lists and reports without reading the JSON.
    public int Bmr { get; set; }

    public int Tdee { get; set; }

    public int TargetCalories { get; set; }

    public int TrainingDays { get; set; }

    public string Goal { get; set; } = "";

    /// <summary><c>rule-based</c>, <c>azure-openai</c>, <c>azure-openai-repaired</c> or <c>trainer</c>.</summary>
    public string Generator { get; set; } = "";

    /// <summary>Why the fallback generator made the plan; null for an AI or trainer plan.</summary>
    public string? GeneratorReason { get; set; }

    /// <summary>The AI calls made for this plan (outcome, errors, timing) as JSON, for support; null when none.</summary>
    public string? AttemptsJson { get; set; }

    /// <summary><c>form</c>, <c>voice</c>, <c>trainer-edit</c> or <c>seed</c>.</summary>
    public string Source { get; set; } = "";

    /// <summary>The Vapi call id for a voice plan.</summary>
    public string? SourceReference { get; set; }

    /// <summary>Who created this version: the member, or the trainer for an edit.</summary>
    public Guid? CreatedBy { get; set; }

    /// <summary>The plan this one was edited from, for a trainer's edit.</summary>
    public Guid? EditedFromId { get; set; }

    public Guid? ReviewedById { get; set; }

    /// <summary>The trainer's name as it was at review, so the member sees it even if the trainer later leaves.</summary>
    public string? ReviewedByName { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public DateTimeOffset? SupersededAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Ends this version's time as the active plan.</summary>
    public void Supersede(DateTimeOffset now)
    {
        ActiveMemberId = null;
        SupersededAt = now;
    }
}

/// <summary>A location's voice assistant (Vapi) settings: the webhook secret, encrypted with ASP.NET Core Data Protection.</summary>
internal sealed class VoiceAssistantSettings : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>The protected (encrypted, authenticated) secret; never the secret itself.</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>Vapi's public key for the web SDK (meant to sit in a browser, so stored as is).</summary>
    public string? PublicKey { get; set; }

    /// <summary>The Vapi assistant the member's page starts.</summary>
    public string? AssistantId { get; set; }

    public Guid? ChangedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
