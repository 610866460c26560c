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
            MaxPromptLength = 10,
        },
    };

    private static readonly MediaRef Image = new("https://cdn.example.test/a.png", "a.png");

    [Fact]
    public void Check_WithinLimits_IsNull()
    {
        ModelLimitCheck.Check(Model, MediaOperation.Imagine, new CommandOptions { Prompt = "a fox", Count = 2, AspectRatio = "16:9" }, []).ShouldBeNull();
    }

    [Theory]
    [InlineData(3, null, "`m` makes at most 2 image(s) at once; you asked for 3.")]
    [InlineData(null, "a fox in snow", "`m` takes prompts of at most 10 characters; yours has 13.")]
    public void Check_OutsideALimit_NamesIt(int? count, string? prompt, string expected)
    {
        var options = new CommandOptions { Count = count, Prompt = prompt };

        ModelLimitCheck.Check(Model, MediaOperation.Upscale, options, [Image]).ShouldBe(expected);
    }

    [Fact]
    public void Check_ImageToAModelThatTakesNone_IsRefused()
    {
        var model = Model with { Limits = new ModelLimits { MaxInputImages = 0 } };

        ModelLimitCheck.Check(model, MediaOperation.Imagine, new CommandOptions(), [Image]).ShouldNotBeNull().ShouldContain("doesn't take images");
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
