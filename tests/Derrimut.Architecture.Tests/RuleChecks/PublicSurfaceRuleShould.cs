using Derrimut.Architecture.Tests.Rules;
using Derrimut.Fake;
using Derrimut.Fake.Contracts;
using Derrimut.Fake.Contracts.Events;
using Derrimut.Fake.ContractsButNotReally;
using Derrimut.Fake.Domain;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class PublicSurfaceRuleShould
{
    private const string Assembly = "Derrimut.Fake";

    [Fact]
    public void AcceptContractsTheirSubNamespacesAndOneModuleClass()
    {
        Type[] types = [typeof(FakeModule), typeof(FakeMemberDto), typeof(FakePermissions), typeof(FakePermissions.Group), typeof(FakeMemberJoined)];

        ArchitectureRules.PublicTypesOutsideContracts(Assembly, types).ShouldBeEmpty();
    }

    [Fact]
    public void AcceptAPageOutsideContractsBecauseTheRouterNeedsItPublic()
    {
        ArchitectureRules.PublicTypesOutsideContracts(Assembly, [typeof(FakeModule), typeof(FakePage)]).ShouldBeEmpty();
    }

    [Fact]
    public void ReportAPublicTypeOutsideContracts()
    {
        ArchitectureRules.PublicTypesOutsideContracts(Assembly, [typeof(FakeModule), typeof(FakeMemberDto), typeof(LeakedEntity)])
            .ShouldBe(["Derrimut.Fake.Domain.LeakedEntity is public outside Derrimut.Fake.Contracts"]);
    }

    [Fact]
    public void ReportANamespaceThatOnlySharesTheContractsPrefix()
    {
        ArchitectureRules.PublicTypesOutsideContracts(Assembly, [typeof(LooksLikeAContract)])
            .ShouldHaveSingleItem().ShouldStartWith(typeof(LooksLikeAContract).FullName!);
    }

    [Fact]
    public void ReportAPublicTypeNestedInTheModuleClass()
    {
        ArchitectureRules.PublicTypesOutsideContracts(Assembly, [typeof(FakeModule), typeof(FakeModule.LeakedOptions)])
            .ShouldHaveSingleItem().ShouldStartWith(typeof(FakeModule.LeakedOptions).FullName!);
    }

    [Fact]
    public void ReportASecondModuleClass()
    {
        ArchitectureRules.PublicTypesOutsideContracts(Assembly, [typeof(FakeModule), typeof(SecondFakeModule)])
            .ShouldHaveSingleItem().ShouldBe("Derrimut.Fake has 2 public DerrimutModule classes, one at most: Derrimut.Fake.FakeModule, Derrimut.Fake.SecondFakeModule");
    }

    [Fact]
    public void JudgeContractsByTheModulesOwnAssemblyName()
    {
        // Another module's Contracts namespace is not this module's.
        ArchitectureRules.PublicTypesOutsideContracts("Derrimut.Other", [typeof(FakeMemberDto)]).ShouldHaveSingleItem();
    }

    [Fact]
    public void ListEveryOffendingType()
    {
        var violations = ArchitectureRules.PublicTypesOutsideContracts(Assembly, [typeof(LeakedEntity), typeof(LooksLikeAContract), typeof(FakeMemberDto)]);

        violations.Count.ShouldBe(2);
        violations.ShouldContain(v => v.Contains(nameof(LeakedEntity), StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains(nameof(LooksLikeAContract), StringComparison.Ordinal));
    }
}

/// <summary>A module's page: public so that the router finds it.</summary>
public sealed class FakePage : Microsoft.AspNetCore.Components.ComponentBase;
