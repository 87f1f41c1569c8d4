using System.Text.Json;
using Derrimut.Memberships.Contracts;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>The contract's status and kind enums keep the strings the API has always sent, both ways.</summary>
public sealed class MembershipContractsShould
{
    [Theory]
    [InlineData(MembershipStatus.Pending, "pending")]
    [InlineData(MembershipStatus.Active, "active")]
    [InlineData(MembershipStatus.PastDue, "past_due")]
    [InlineData(MembershipStatus.Cancelled, "cancelled")]
    [InlineData(MembershipStatus.Expired, "expired")]
    public void WriteAndReadEachStatusAsTheApiSpellsIt(MembershipStatus status, string wire)
    {
        JsonSerializer.Serialize(status, JsonSerializerOptions.Web).ShouldBe($"\"{wire}\"");
        JsonSerializer.Deserialize<MembershipStatus>($"\"{wire}\"", JsonSerializerOptions.Web).ShouldBe(status);
    }

    [Theory]
    [InlineData(LedgerLineKind.Charge, "charge")]
    [InlineData(LedgerLineKind.Refund, "refund")]
    [InlineData(LedgerLineKind.FailedPayment, "failed_payment")]
    public void WriteAndReadEachLedgerKindAsTheApiSpellsIt(LedgerLineKind kind, string wire)
    {
        JsonSerializer.Serialize(kind, JsonSerializerOptions.Web).ShouldBe($"\"{wire}\"");
        JsonSerializer.Deserialize<LedgerLineKind>($"\"{wire}\"", JsonSerializerOptions.Web).ShouldBe(kind);
    }

    [Fact]
    public void CoverEveryStatusAndKind()
    {
        // A new member of either enum needs its wire name (and a line above).
        Enum.GetValues<MembershipStatus>().Length.ShouldBe(5);
        Enum.GetValues<LedgerLineKind>().Length.ShouldBe(3);
    }
}
