using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class ForeignEntityRuleShould
{
    private static readonly Dictionary<string, IReadOnlySet<string>> Entities = new(StringComparer.Ordinal)
    {
        ["Derrimut.Identity"] = new HashSet<string>(StringComparer.Ordinal) { "Derrimut.Identity.Contracts.DerrimutUser", "Derrimut.Identity.Domain.LocationAccess" },
        ["Derrimut.Memberships"] = new HashSet<string>(StringComparer.Ordinal) { "Derrimut.Memberships.Domain.Membership" },
    };

    [Fact]
    public void AcceptOwnEntitiesContractsAndFrameworkTypes()
    {
        TypeUse[] uses =
        [
            new("Derrimut.Memberships", "Derrimut.Memberships.Domain.Membership"),
            new("Derrimut.Identity", "Derrimut.Identity.Contracts.IPeopleReadModel"),
            new("Derrimut.Identity", "Derrimut.Identity.Contracts.PersonRow"),
            new("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.DbSet`1"),
        ];

        BoundaryRules.ForeignEntityUses("Derrimut.Memberships", uses, Entities).ShouldBeEmpty();
    }

    [Fact]
    public void ReportAnotherModulesEntityUsedAnywhere()
    {
        TypeUse[] uses =
        [
            new("Derrimut.Identity", "Derrimut.Identity.Contracts.DerrimutUser"),
            new("Derrimut.Identity", "Derrimut.Identity.Contracts.DerrimutUser"),
            new("Derrimut.Identity", "Derrimut.Identity.Contracts.IPeopleReadModel"),
        ];

        BoundaryRules.ForeignEntityUses("Derrimut.Memberships", uses, Entities)
            .ShouldBe(["Derrimut.Memberships uses Derrimut.Identity.Contracts.DerrimutUser, an entity of Derrimut.Identity"]);
    }

    [Fact]
    public void FindAnEntityAsAGenericArgumentInRealMetadata()
    {
        // This test assembly's IL names Identity's user entity only as a generic argument of a field's type: the
        // metadata reader must still find it, or the real rule would miss db.Set<DerrimutUser>() in a module.
        ModuleMetadata.TypeReferences(typeof(ForeignEntityRuleShould).Assembly)
            .ShouldContain(new TypeUse("Derrimut.Identity", "Derrimut.Identity.Contracts.DerrimutUser"));
        ProbeUse.Count.ShouldBe(0);
    }

    [Fact]
    public void LetAnAllowanceExcuseItsUseAndReportItOnceItExcusesNothing()
    {
        string[] violations =
        [
            "Derrimut.Memberships uses Derrimut.Identity.Contracts.DerrimutUser, an entity of Derrimut.Identity",
            "Derrimut.Payroll uses Derrimut.Identity.Contracts.DerrimutUser, an entity of Derrimut.Identity",
        ];
        EntityUseAllowance[] allowances =
        [
            new("Memberships", "Derrimut.Identity.Contracts.DerrimutUser"),
            new("AiPlans", "Derrimut.Identity.Contracts.DerrimutUser"),
        ];

        var (unexcused, stale) = BoundaryRules.ApplyAllowances(violations, allowances);

        unexcused.ShouldBe([violations[1]]);
        stale.ShouldBe([allowances[1]]);
    }

    private static class ProbeUse
    {
        public static readonly List<Derrimut.Identity.Contracts.DerrimutUser> Users = [];

        public static int Count => Users.Count;
    }
}
