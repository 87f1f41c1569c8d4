using System.Text.Json;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.Kernel.Tests.Http;

public sealed class ProblemExceptionHandlerShould
{
    [Fact]
    public void AnswerAValidationFailureWith400NamingEachField()
    {
        var exception = new ValidationException(new Dictionary<string, string[]>
        {
            ["name"] = ["This field is required."],
            ["address.postcode"] = ["Postcode 9999 is not in VIC.", "Postcode must be four digits."],
        });

        var problem = ProblemExceptionHandler.Map(exception).ShouldBeOfType<HttpValidationProblemDetails>();

        problem.Status.ShouldBe(400);
        problem.Type.ShouldBe(ProblemTypes.Validation);
        problem.Errors.Keys.ShouldBe(["name", "address.postcode"], ignoreOrder: true);
        problem.Errors["address.postcode"].ShouldBe(["Postcode 9999 is not in VIC.", "Postcode must be four digits."]);
    }

    [Fact]
    public void AnswerNotFoundWith404AndItsMessage()
    {
        var problem = ProblemExceptionHandler.Map(new NotFoundException("No membership plan 'gold'."));

        problem.Status.ShouldBe(404);
        problem.Type.ShouldBe(ProblemTypes.NotFound);
        problem.Detail.ShouldBe("No membership plan 'gold'.");
    }

    [Fact]
    public void AnswerAConflictWith409NamingTheField()
    {
        var problem = ProblemExceptionHandler.Map(new ConflictException("That identifier is taken.", "identifier"));

        problem.Status.ShouldBe(409);
        problem.Type.ShouldBe(ProblemTypes.Conflict);
        problem.Detail.ShouldBe("That identifier is taken.");
        problem.Extensions["field"].ShouldBe("identifier");
    }

    [Fact]
    public void LeaveOutTheFieldOfAConflictThatHasNone()
    {
        var problem = ProblemExceptionHandler.Map(new ConflictException("Already a member here."));

        problem.Status.ShouldBe(409);
        problem.Extensions.ShouldNotContainKey("field");
    }

    [Fact]
    public void AnswerAConcurrencyFailureWith409AskingToReload()
    {
        var problem = ProblemExceptionHandler.Map(new DbUpdateConcurrencyException("Expected 1 row, got 0."));

        problem.Status.ShouldBe(409);
        problem.Type.ShouldBe(ProblemTypes.Conflict);
        problem.Detail.ShouldNotBeNull().ShouldContain("Reload");
        problem.Detail.ShouldNotContain("Expected 1 row");
    }

    [Fact]
    public void AnswerForbiddenWith403()
    {
        var problem = ProblemExceptionHandler.Map(new ForbiddenException("Only trainers can set availability."));

        problem.Status.ShouldBe(403);
        problem.Type.ShouldBe(ProblemTypes.Forbidden);
        problem.Detail.ShouldBe("Only trainers can set availability.");
    }

    [Fact]
    public void AnswerATenantOwnershipBreachWith403WithoutItsInternals()
    {
        var problem = ProblemExceptionHandler.Map(new TenantOwnershipException("Booking 42 has TenantId 7f0c… but the scope is 1a2b…"));

        problem.Status.ShouldBe(403);
        problem.Type.ShouldBe(ProblemTypes.Forbidden);
        problem.Detail.ShouldNotBeNull().ShouldNotContain("TenantId");
    }

    [Fact]
    public void AnswerAnOversizedBodyWith413()
    {
        var problem = ProblemExceptionHandler.Map(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        problem.Status.ShouldBe(413);
        problem.Type.ShouldBe(ProblemTypes.PayloadTooLarge);
    }

    [Fact]
    public void AnswerMalformedJsonWith400NamingTheNestedField()
    {
        var json = new JsonException("The JSON value could not be converted to System.String.", "$.address.postcode", 1, 42);
        var exception = new BadHttpRequestException("Failed to read parameter from the request body as JSON.", StatusCodes.Status400BadRequest, json);

        var problem = ProblemExceptionHandler.Map(exception).ShouldBeOfType<HttpValidationProblemDetails>();

        problem.Status.ShouldBe(400);
        problem.Type.ShouldBe(ProblemTypes.MalformedRequest);
        problem.Errors.Keys.ShouldBe(["address.postcode"]);
    }

    [Fact]
    public void NameTheWholeBodyWhenMalformedJsonHasNoPath()
    {
        var exception = new BadHttpRequestException("Bad JSON.", StatusCodes.Status400BadRequest, new JsonException("'}' is invalid.", "$", 1, 1));

        var problem = ProblemExceptionHandler.Map(exception).ShouldBeOfType<HttpValidationProblemDetails>();

        problem.Status.ShouldBe(400);
        problem.Errors.Keys.ShouldBe(["$"]);
    }

    [Fact]
    public void AnswerAnUnreadableRequestWithItsOwn4xx()
    {
        var problem = ProblemExceptionHandler.Map(new BadHttpRequestException("Required parameter \"id\" was not provided.", StatusCodes.Status400BadRequest));

        problem.Status.ShouldBe(400);
        problem.Type.ShouldBe(ProblemTypes.MalformedRequest);
    }

    [Fact]
    public void AnswerAnythingElseWith500WithoutTheExceptionsMessage()
    {
        var exception = new InvalidOperationException("Connection string Host=db.internal;Password=hunter2 failed");

        var problem = ProblemExceptionHandler.Map(exception);

        problem.Status.ShouldBe(500);
        problem.Type.ShouldBe(ProblemTypes.ServerError);
        problem.Detail.ShouldNotBeNull().ShouldNotContain("hunter2");
        problem.Title.ShouldNotBeNull().ShouldNotContain("hunter2");
        problem.Extensions.ShouldBeEmpty();
    }
}
