using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Rules;

namespace ChatBot.Core.Tests.Commands.Rules;

public sealed class ParameterCheckTests
{
    private static readonly ModelDefinition Model = new()
    {
        Id = "m",
        Provider = "p",
        Operations = [MediaOperation.Video, MediaOperation.Control],
        Parameters = new Dictionary<string, ModelParameter>(StringComparer.OrdinalIgnoreCase)
        {
            ["res"] = new() { Values = ["480p", "720p", "1080p"] },
            ["duration"] = new() { Values = ["5", "10"] },
            ["cfg"] = new() { Min = 0, Max = 1 },
            ["steps"] = new() { Min = 1, Max = 35, Integer = true },
            ["change"] = new() { Min = 0, Max = 1, Operations = [MediaOperation.Control], Modes = ["style-transfer"] },
        },
    };

    private static CommandOptions With(string flag, string value) =>
        new() { Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [flag] = value } };

    [Fact]
    public void Check_ValueInAnotherCase_IsRewrittenInTheCatalogsSpelling()
    {
        var options = new CommandOptions { Resolution = "720P", DurationSeconds = 5 };

        var (result, refusal) = ParameterCheck.Check(Model, MediaOperation.Video, options, options);

        refusal.ShouldBeNull();
        result!.Resolution.ShouldBe("720p");
        result.DurationSeconds.ShouldBe(5);
    }

    [Fact]
    public void Check_ParameterNotListed_IsRefusedNamingWhatTheModelTakes()
    {
        var options = new CommandOptions { Seed = 42 };

        var (result, refusal) = ParameterCheck.Check(Model, MediaOperation.Video, options, options);

        result.ShouldBeNull();
        refusal.ShouldBe("`m` doesn't take `--seed`. It takes `--res`, `--duration`, `--cfg`, `--steps`. `/models m` shows the allowed values.");
    }

    [Theory]
    [InlineData("cfg", "1.5", "`--cfg 1.5` is not something `m` takes: `--cfg` is a number from 0 to 1.")]
    [InlineData("steps", "2.5", "`--steps 2.5` is not something `m` takes: `--steps` is a whole number from 1 to 35.")]
    [InlineData("cfgScale", "x", "`--cfg x` is not something `m` takes: `--cfg` is a number from 0 to 1.")]
    public void Check_ValueOutsideTheRange_IsRefusedWithTheRange(string flag, string value, string expected)
    {
        var options = With(flag, value);

        ParameterCheck.Check(Model, MediaOperation.Video, options, options).Refusal.ShouldBe(expected);
    }

    [Fact]
    public void Check_ValueOutsideTheList_ListsTheAllowedValues()
    {
        var options = new CommandOptions { DurationSeconds = 7 };

        ParameterCheck.Check(Model, MediaOperation.Video, options, options).Refusal.ShouldBe("`--duration 7` is not something `m` takes: `--duration` is 5 or 10.");
    }

    [Theory]
    [InlineData("style-transfer", true)]
    [InlineData("sketch", false)]
    [InlineData(null, false)]
    public void Check_ParameterOfOneMode_IsTakenInThatModeOnly(string? mode, bool taken)
    {
        var options = With("change", "0.5") with { Mode = mode };

        var (result, _) = ParameterCheck.Check(Model, MediaOperation.Control, options, options);

        (result is not null).ShouldBe(taken);
    }

    [Fact]
    public void Check_InheritedValueTheModelDoesNotTake_IsDroppedNotRefused()
    {
        var inherited = new CommandOptions { AspectRatio = "3:2", NegativePrompt = "text", Resolution = "720p" };

        var (result, refusal) = ParameterCheck.Check(Model, MediaOperation.Video, inherited, new CommandOptions());

        refusal.ShouldBeNull();
        result!.AspectRatio.ShouldBeNull();
        result.NegativePrompt.ShouldBeNull();
        result.Resolution.ShouldBe("720p");
    }

    [Theory]
    [InlineData("sed", "5", "Did you mean `--seed`?")]
    [InlineData("stpes", "5", "Did you mean `--steps`?")]
    [InlineData("cgf", "0.5", "Did you mean `--cfg`?")]
    public void Check_MisspeltFlag_IsRefusedWithASuggestion(string flag, string value, string suggestion)
    {
        var options = With(flag, value);

        var (result, refusal) = ParameterCheck.Check(Model, MediaOperation.Video, options, options);

        result.ShouldBeNull();
        refusal.ShouldStartWith($"`m` doesn't take `--{flag}`. {suggestion}");
    }

    [Fact]
    public void Check_FlagNothingIsCloseTo_IsRefusedWithoutASuggestion()
    {
        var options = With("bogus", "3");

        var refusal = ParameterCheck.Check(Model, MediaOperation.Video, options, options).Refusal;

        refusal.ShouldNotBeNull();
        refusal.ShouldNotContain("Did you mean");
        refusal.ShouldContain("`--bogus`");
    }
}
