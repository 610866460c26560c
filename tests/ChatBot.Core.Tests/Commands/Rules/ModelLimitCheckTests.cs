using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Rules;

namespace ChatBot.Core.Tests.Commands.Rules;

public sealed class ModelLimitCheckTests
{
    private static readonly ModelDefinition Model = new()
    {
        Id = "m",
        Provider = "p",
        Limits = new ModelLimits
        {
            MaxCount = 2,
            AspectRatios = ["1:1", "16:9"],
            Durations = [5],
            UpscaleFactors = [2, 4],
            MaxPromptLength = 10,
            SupportsNegativePrompt = false,
        },
    };

    private static readonly MediaRef Image = new("https://cdn.example.test/a.png", "a.png");

    [Fact]
    public void Check_WithinLimits_IsNull()
    {
        ModelLimitCheck.Check(Model, MediaOperation.Imagine, new CommandOptions { Prompt = "a fox", Count = 2, AspectRatio = "16:9" }, []).ShouldBeNull();
    }

    [Theory]
    [InlineData(3, null, null, null, "`m` makes at most 2 image(s) at once; you asked for 3.")]
    [InlineData(null, "4:3", null, null, "`m` doesn't do aspect ratio 4:3. It does: 1:1, 16:9.")]
    [InlineData(null, null, 8, null, "`m` upscales by 2× or 4×, not 8×.")]
    [InlineData(null, null, null, "text", "`m` doesn't take a negative prompt (`--no`).")]
    public void Check_OutsideALimit_NamesIt(int? count, string? aspect, int? factor, string? negative, string expected)
    {
        var options = new CommandOptions { Count = count, AspectRatio = aspect, UpscaleFactor = factor, NegativePrompt = negative };

        ModelLimitCheck.Check(Model, MediaOperation.Upscale, options, [Image]).ShouldBe(expected);
    }

    [Fact]
    public void Check_TooManyImages_CountsThem()
    {
        ModelLimitCheck.Check(Model, MediaOperation.Edit, new CommandOptions(), [Image, Image]).ShouldBe("`m` takes at most 1 image(s); you gave 2.");
    }

    [Fact]
    public void Check_InpaintWithoutMask_AsksForOne()
    {
        ModelLimitCheck.Check(Model, MediaOperation.Inpaint, new CommandOptions(), [Image]).ShouldNotBeNull().ShouldContain("needs a mask");
    }

    [Fact]
    public void Check_LipSyncWithAnyAttachment_LeavesTheRestToTheBytes()
    {
        ModelLimitCheck.Check(Model, MediaOperation.LipSync, new CommandOptions { Count = 9 }, [Image]).ShouldBeNull();
    }
}
