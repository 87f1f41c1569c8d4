using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Ui;

namespace Derrimut.Kernel.Tests.Ui;

public sealed class UiActionShould
{
    [Fact]
    public async Task PutValidationErrorsOnTheFieldsTheApiNames()
    {
        var save = new UiAction();

        var done = await save.RunAsync(() => throw new ValidationException(new Dictionary<string, string[]>
        {
            ["email"] = ["Enter an email address."],
            ["roles[1]"] = ["'coach' is not a role."],
            ["roles[2]"] = ["'owner' is not a role."],
        }));

        done.ShouldBeFalse();
        save.Succeeded.ShouldBe(false);
        save.ErrorOf("email").ShouldBe("Enter an email address.");
        save.ErrorOf("roles").ShouldBe("'coach' is not a role. 'owner' is not a role.");
        save.Busy.ShouldBeFalse();
    }

    [Fact]
    public async Task ShowAConflictOnItsFieldOrTheDefaultOne()
    {
        var invite = new UiAction();

        await invite.RunAsync(() => throw new ConflictException("Already invited."), defaultField: "email");

        invite.ErrorOf("email").ShouldBe("Already invited.");
        invite.Message.ShouldBeNull();
    }

    [Fact]
    public async Task ShowARefusalWithoutAFieldAsTheFormsMessage()
    {
        var refund = new UiAction();

        await refund.RunAsync(() => throw new ForbiddenException("You may no longer do this here."));

        refund.Message.ShouldBe("You may no longer do this here.");
        refund.MessageKind.ShouldBe(StatusKind.Error);
        refund.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task LetADefectPropagateInsteadOfDressingItAsARefusal()
    {
        var save = new UiAction();

        await Should.ThrowAsync<InvalidOperationException>(() => save.RunAsync(() => throw new InvalidOperationException("bug")));

        save.Busy.ShouldBeFalse();
    }

    [Fact]
    public async Task IgnoreASecondClickWhileTheFirstIsRunningAndClearOldErrorsOnTheNext()
    {
        var save = new UiAction();
        await save.RunAsync(() => throw new ValidationException("name", "Enter a name."));
        var release = new TaskCompletionSource();
        var runs = 0;

        var first = save.RunAsync(async () => { runs++; await release.Task; }, successMessage: "Saved.");
        var second = await save.RunAsync(() => { runs++; return Task.CompletedTask; });
        save.Errors.ShouldBeEmpty();
        release.SetResult();

        (await first).ShouldBeTrue();
        second.ShouldBeFalse();
        runs.ShouldBe(1);
        save.Message.ShouldBe("Saved.");
        save.MessageKind.ShouldBe(StatusKind.Success);
    }
}
