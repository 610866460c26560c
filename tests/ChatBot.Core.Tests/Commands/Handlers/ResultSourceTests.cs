using ChatBot.Core.Commands.Handlers;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class ResultSourceTests
{
    private readonly EngineFixture _engine = new();

    [Fact]
    public async Task Resolve_NoSourceJob_IsTheCommandItself()
    {
        var request = Request(CommandKind.Imagine, null) with { Options = new CommandOptions { Prompt = "a fox" } };

        var (subject, refusal) = await CreateSut().ResolveAsync(request, default);

        refusal.ShouldBeNull();
        subject.ShouldBe(new MediaSubject(CommandKind.Imagine, request.Options, request.Inputs));
        await _engine.Store.DidNotReceiveWithAnyArgs().GetAsync(default!, default);
    }

    [Fact]
    public async Task Resolve_RerollOfAReroll_RepeatsAsImagineWithTheSameInputs()
    {
        var source = _engine.Job("src", "bob") with { State = JobState.Succeeded };
        source = source with { Spec = source.Spec with { Kind = CommandKind.Reroll, Inputs = [new JobInput(MediaRole.Reference, "in1")] } };
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(source);

        var (subject, _) = await CreateSut().ResolveAsync(Request(CommandKind.Reroll, "src"), default);

        subject.ShouldNotBeNull().Kind.ShouldBe(CommandKind.Imagine);
        subject.Options.Model.ShouldBe("m-p");
        subject.Inputs.ShouldHaveSingleItem().ShouldBe(MediaRef.FromStore("in1", "input", MediaRole.Reference));
    }

    [Fact]
    public async Task Resolve_OutputNumberBeyondTheResult_IsRefused()
    {
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(_engine.Job("src", "bob") with { State = JobState.Succeeded, OutputKeys = ["k"] });

        var (subject, refusal) = await CreateSut().ResolveAsync(Request(CommandKind.Upscale, "src") with { SourceOutputIndex = 1 }, default);

        subject.ShouldBeNull();
        refusal.ShouldBe("That result has 1 image(s); there is no number 2.");
    }

    [Fact]
    public async Task Resolve_UpscaleOfAnOutput_PutsItFirstAndKeepsThePrompt()
    {
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(_engine.Job("src", "bob") with { State = JobState.Delivering, OutputKeys = ["k0", "k1"] });

        var (subject, _) = await CreateSut().ResolveAsync(Request(CommandKind.Upscale, "src") with { SourceOutputIndex = 1 }, default);

        subject.ShouldNotBeNull().Inputs.ShouldHaveSingleItem().ShouldBe(MediaRef.FromStore("k1", "result-2"));
        subject.Options.Prompt.ShouldBe("prompt of src");
    }

    private static CommandRequest Request(CommandKind kind, string? source) => HandlerRequests.For(kind) with { SourceJobId = source };

    private ResultSource CreateSut() => new(_engine.Store, _engine.Media);
}
