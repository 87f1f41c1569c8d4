using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.Kernel.Tests.UseCases;

public sealed class SignedInPersonShould
{
    private static readonly Guid Priya = Guid.Parse("6f1c9d2e-3b7a-4c51-9e0d-2a8b7c6d5e4f");

    [Fact]
    public void ReadThePersonFromTheSignInCookie() =>
        Principal(new Claim(ClaimTypes.NameIdentifier, Priya.ToString())).FindUserId().ShouldBe(Priya);

    [Fact]
    public void ReadThePersonFromAnAccessTokensSubject() =>
        Principal(new Claim(SignedInPerson.SubjectClaim, Priya.ToString())).FindUserId().ShouldBe(Priya);

    [Fact]
    public void FindNoPersonBehindAnIntegrationClient() =>
        Principal(new Claim("client_id", "door-controller")).FindUserId().ShouldBeNull();

    [Fact]
    public void RefuseAClientWhereAPersonIsNeededWithAForbiddenProblemNotACrash() =>
        Should.Throw<ForbiddenException>(() => Principal(new Claim(SignedInPerson.SubjectClaim, "not-a-guid")).RequireUserId());

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));
}
