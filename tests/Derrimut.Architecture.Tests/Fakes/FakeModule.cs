// Synthetic module types for proving that the rules can fail. They live in this test assembly, which module
// discovery excludes, under the made-up assembly name "Derrimut.Fake".
using Derrimut.BuildingBlocks.Modularity;

namespace Derrimut.Fake
{
    public sealed class FakeModule : DerrimutModule
    {
        public override string Name => "Fake";

        /// <summary>A public nested type leaks just as a top-level one does.</summary>
        public sealed class LeakedOptions;
    }

    public sealed class SecondFakeModule : DerrimutModule
    {
        public override string Name => "SecondFake";
    }
}

namespace Derrimut.Fake.Contracts
{
    public sealed record FakeMemberDto(Guid Id, string Name);

    public static class FakePermissions
    {
        public const string ViewFake = "view:fake";

        /// <summary>Nested in a contract: still a contract.</summary>
        public sealed record Group(string Name);
    }
}

namespace Derrimut.Fake.Contracts.Events
{
    public sealed record FakeMemberJoined(Guid MemberId);
}

namespace Derrimut.Fake.Domain
{
    public sealed class LeakedEntity;
}

namespace Derrimut.Fake.ContractsButNotReally
{
    /// <summary>Shares the prefix of the contracts namespace but is not inside it.</summary>
    public sealed class LooksLikeAContract;
}
