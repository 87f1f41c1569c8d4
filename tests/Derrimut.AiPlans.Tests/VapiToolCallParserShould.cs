using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Vapi;

namespace Derrimut.AiPlans.Tests;

public sealed class VapiToolCallParserShould
{
    private const string Call = """
        "call": { "id": "call-abc", "type": "webCall",
                  "assistantOverrides": { "variableValues": { "user_id": "member-42", "full_name": "Sam Citizen" } },
                  "customer": { "number": "+61400000000" } }
        """;

    private static readonly string Arguments = PlanRequestReaderShould.Answers();

    public static TheoryData<string, string> ArgumentShapes => new()
    {
        { "function.arguments as an object", $$"""{ "message": { "type": "tool-calls", {{Call}}, "toolCallList": [ { "id": "call_1", "type": "function", "function": { "name": "generate_program", "arguments": {{Arguments}} } } ] } }""" },
        { "function.arguments as a JSON string", $$"""{ "message": { "type": "tool-calls", {{Call}}, "toolCallList": [ { "id": "call_1", "type": "function", "function": { "name": "generate_program", "arguments": {{JsonSerializer.Serialize(Arguments)}} } } ] } }""" },
        { "arguments beside the name (custom-tools.mdx)", $$"""{ "message": { "type": "tool-calls", {{Call}}, "toolCallList": [ { "id": "call_1", "name": "generate_program", "arguments": {{Arguments}} } ] } }""" },
        { "parameters beside the name (events.mdx)", $$"""{ "message": { "type": "tool-calls", {{Call}}, "toolCallList": [ { "id": "call_1", "name": "generate_program", "parameters": {{Arguments}} } ] } }""" },
        { "toolWithToolCallList only", $$"""{ "message": { "type": "tool-calls", {{Call}}, "toolCallList": [], "toolWithToolCallList": [ { "type": "function", "function": { "name": "generate_program", "parameters": { "type": "object" } }, "toolCall": { "id": "call_1", "type": "function", "function": { "parameters": {{Arguments}} } } } ] } }""" },
        { "OpenAI-style toolCalls with a string", $$"""{ "message": { "type": "tool-calls", {{Call}}, "toolCalls": [ { "id": "call_1", "type": "function", "function": { "name": "generate_program", "arguments": {{JsonSerializer.Serialize(Arguments)}} } } ] } }""" },
    };

    [Theory]
    [MemberData(nameof(ArgumentShapes))]
    public void ReadThePlanAnswersFromEveryArgumentShape(string shape, string body)
    {
        var message = VapiToolCallParser.Parse(body);

        message.IsToolCalls.ShouldBeTrue(shape);
        message.Problems.ShouldBeEmpty(shape);
        var call = message.ToolCalls.ShouldHaveSingleItem(shape);
        call.Id.ShouldBe("call_1", shape);
        call.Name.ShouldBe("generate_program", shape);
        call.Plan.Errors.ShouldBeEmpty(shape);
        var request = call.Plan.Request.ShouldNotBeNull(shape);
        request.HeightCm.ShouldBe(180m, shape);
        request.Goal.ShouldBe(FitnessGoal.GeneralFitness, shape);
        call.Member.ShouldBe(new VapiMemberReference("member-42", VapiValueSource.CallVariables, "user_id"), shape);
    }

    [Fact]
    public void ReadTheCallContext()
    {
        var message = VapiToolCallParser.Parse(Body($$"""{ "id": "call_1", "function": { "name": "generate_program", "arguments": {{Arguments}} } }"""));

        message.Call.CallId.ShouldBe("call-abc");
        message.Call.MemberName.ShouldBe("Sam Citizen");
        message.Call.CustomerNumber.ShouldBe("+61400000000");
        message.Call.Variables["user_id"].ShouldBe("member-42");
    }

    [Fact]
    public void ReportAMissingFieldAgainstTheToolCall()
    {
        var arguments = PlanRequestReaderShould.Answers(("height", "null"));

        var call = VapiToolCallParser.Parse(Body($$"""{ "id": "call_1", "function": { "name": "generate_program", "arguments": {{arguments}} } }""")).ToolCalls.ShouldHaveSingleItem();

        call.Plan.Request.ShouldBeNull();
        call.Plan.Errors.Keys.ShouldBe(["heightCm"]);
    }

    [Fact]
    public void ReportAnArgumentsStringThatIsNotJson()
    {
        var call = VapiToolCallParser.Parse(Body("""{ "id": "call_1", "function": { "name": "generate_program", "arguments": "{ age: thirty" } }""")).ToolCalls.ShouldHaveSingleItem();

        call.Plan.Errors.Keys.ShouldBe(["arguments"]);
    }

    [Fact]
    public void AnswerEveryToolCallOnceEvenWhenListedTwice()
    {
        var body = $$"""
            { "message": { "type": "tool-calls",
              "toolCallList": [ { "id": "call_1", "function": { "name": "generate_program", "arguments": {{Arguments}} } },
                                { "id": "call_2", "function": { "name": "generate_program", "arguments": {} } } ],
              "toolWithToolCallList": [ { "function": { "name": "generate_program" }, "toolCall": { "id": "call_1", "function": { "arguments": {{Arguments}} } } } ] } }
            """;

        var message = VapiToolCallParser.Parse(body);

        message.ToolCalls.Select(call => call.Id).ShouldBe(["call_1", "call_2"]);
        message.ToolCalls[1].Plan.Errors.ShouldContainKey("age");
    }

    [Fact]
    public void FallBackToAMemberIdInTheArgumentsAndSaySo()
    {
        var arguments = PlanRequestReaderShould.Answers(("userId", "\"member-7\""));
        var body = $$"""{ "message": { "type": "tool-calls", "toolCallList": [ { "id": "call_1", "function": { "name": "generate_program", "arguments": {{arguments}} } } ] } }""";

        var call = VapiToolCallParser.Parse(body).ToolCalls.ShouldHaveSingleItem();

        call.Member.ShouldBe(new VapiMemberReference("member-7", VapiValueSource.ToolArguments, "userId"));
        call.Plan.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void PreferCallVariablesOverAMemberIdTheCallerCouldHaveSpoken()
    {
        var arguments = PlanRequestReaderShould.Answers(("user_id", "\"someone-else\""));

        var call = VapiToolCallParser.Parse(Body($$"""{ "id": "call_1", "function": { "name": "generate_program", "arguments": {{arguments}} } }""")).ToolCalls.ShouldHaveSingleItem();

        call.Member!.Identifier.ShouldBe("member-42");
    }

    [Fact]
    public void ReadTheMemberFromCallMetadata()
    {
        var body = $$"""{ "message": { "type": "tool-calls", "call": { "id": "c", "metadata": { "memberId": 1234 } }, "toolCallList": [ { "id": "call_1", "function": { "name": "g", "arguments": {{Arguments}} } } ] } }""";

        VapiToolCallParser.Parse(body).ToolCalls.ShouldHaveSingleItem().Member.ShouldBe(new VapiMemberReference("1234", VapiValueSource.CallMetadata, "memberId"));
    }

    [Fact]
    public void IgnoreInformationalMessages()
    {
        var message = VapiToolCallParser.Parse("""{ "message": { "type": "status-update", "status": "in-progress" } }""");

        message.IsToolCalls.ShouldBeFalse();
        message.MessageType.ShouldBe("status-update");
        message.ToolCalls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{ \"type\": \"tool-calls\" }")]
    public void ReportABrokenEnvelopeWithoutThrowing(string body)
    {
        var message = VapiToolCallParser.Parse(body);

        message.ToolCalls.ShouldBeEmpty();
        message.Problems.ShouldHaveSingleItem();
    }

    [Fact]
    public void SkipAToolCallWithoutAnIdAndSaySo()
    {
        var message = VapiToolCallParser.Parse(Body($$"""{ "function": { "name": "generate_program", "arguments": {{Arguments}} } }"""));

        message.ToolCalls.ShouldBeEmpty();
        message.Problems.ShouldHaveSingleItem().ShouldContain("no id");
    }

    [Fact]
    public void SerialiseResultsExactlyAsVapiExpects()
    {
        var results = new VapiToolResults(
        [
            VapiToolResult.Success("call_1", "Your plan is ready.\nOpen the app to see it."),
            VapiToolResult.Failure("call_2", new Dictionary<string, string[]> { ["heightCm"] = ["heightCm is required: height in centimetres, e.g. 175."] }),
        ]);

        PlanJson.Serialize(results).ShouldBe(
            """{"results":[{"toolCallId":"call_1","result":"Your plan is ready. Open the app to see it."},"""
            + """{"toolCallId":"call_2","error":"Some answers are missing or could not be used: heightCm is required: height in centimetres, e.g. 175."}]}""");
    }

    private static string Body(string toolCall) =>
        $$"""{ "message": { "type": "tool-calls", {{Call}}, "toolCallList": [ {{toolCall}} ] } }""";
}
