using ChatBot.Core.Catalog;
using ChatBot.Core.Commands;
using ChatBot.Core.Commands.Rules;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Commands.Rules;

public sealed class PromptRulesTests
{
    [Fact]
    public void Check_AcceptablePrompt_IsNull()
    {
        CreateSut().Check(MediaOperation.Imagine, new CommandOptions { Prompt = "a fox" }).ShouldBeNull();
    }

    [Fact]
    public void Check_EditWithoutPrompt_AsksWhatToChange()
    {
        CreateSut().Check(MediaOperation.Edit, new CommandOptions { Prompt = "  " }).ShouldBe("Tell me what to change, for example `/edit make the sky stormy`.");
    }

    [Fact]
    public void Check_UpscaleWithoutPrompt_IsNull()
    {
        CreateSut().Check(MediaOperation.Upscale, new CommandOptions()).ShouldBeNull();
    }

    [Fact]
    public void Check_BlockedWordInNegativePrompt_IsRefused()
    {
        CreateSut(blocklist: ["gore"]).Check(MediaOperation.Imagine, new CommandOptions { Prompt = "a fox", NegativePrompt = "Gore" })
            .ShouldBe("Your prompt contains a word this community has blocked. Please rephrase it.");
    }

    [Theory]
    [InlineData("gorge views", false)]
    [InlineData("no-gore here", true)]
    [InlineData("gore2", false)]
    public void Check_BlockedWord_MatchesWholeWordsOnly(string prompt, bool refused)
    {
        (CreateSut(blocklist: ["gore"]).Check(MediaOperation.Imagine, new CommandOptions { Prompt = prompt }) is not null).ShouldBe(refused);
    }

    private static PromptRules CreateSut(int maxLength = 1500, List<string>? blocklist = null) =>
        new(Options.Create(new ValidationOptions { MaxPromptLength = maxLength, Blocklist = blocklist ?? [] }));
}
