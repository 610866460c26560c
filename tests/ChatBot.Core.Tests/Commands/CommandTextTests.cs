using ChatBot.Core.Commands;

namespace ChatBot.Core.Tests.Commands;

public sealed class CommandTextTests
{
    [Fact]
    public void Parse_ImagineWithFlags_SplitsPromptAndOptions()
    {
        var parsed = CommandText.Parse("/imagine a lighthouse at dusk --ar 16:9 --seed 42 --no text, people --n 4 --model local-sketch");

        parsed.IsValid.ShouldBeTrue(parsed.Error);
        parsed.Kind.ShouldBe(CommandKind.Imagine);
        parsed.Options.Prompt.ShouldBe("a lighthouse at dusk");
        parsed.Options.AspectRatio.ShouldBe("16:9");
        parsed.Options.Seed.ShouldBe(42);
        parsed.Options.NegativePrompt.ShouldBe("text, people");
        parsed.Options.Count.ShouldBe(4);
        parsed.Options.Model.ShouldBe("local-sketch");
    }

    [Fact]
    public void Parse_PhoneEmDashFlags_AreReadAsFlags()
    {
        var parsed = CommandText.Parse("/imagine a fox \u2014ar 9:16");

        parsed.Options.Prompt.ShouldBe("a fox");
        parsed.Options.AspectRatio.ShouldBe("9:16");
    }

    [Theory]
    [InlineData("/imagine a fox --ar wide", "--ar")]
    [InlineData("/imagine a fox --seed -3", "--seed")]
    [InlineData("/imagine a fox --n zero", "--n")]
    [InlineData("/edit fix it --strength 3", "--strength")]
    public void Parse_BadFlagValue_ExplainsTheFlag(string line, string flag)
    {
        var parsed = CommandText.Parse(line);

        parsed.IsValid.ShouldBeFalse();
        parsed.Error.ShouldNotBeNull().ShouldContain(flag);
    }

    [Fact]
    public void Parse_UnknownCommand_SuggestsHelp()
    {
        var parsed = CommandText.Parse("/paint a cat");

        parsed.Kind.ShouldBeNull();
        parsed.Error.ShouldNotBeNull().ShouldContain("/help");
    }

    [Fact]
    public void Parse_UnknownFlag_GoesToExtra()
    {
        var parsed = CommandText.Parse("imagine", "a castle --sampler Euler a --cfg 7");

        parsed.Options.Prompt.ShouldBe("a castle");
        parsed.Options.Extra["sampler"].ShouldBe("Euler a");
        parsed.Options.Extra["cfg"].ShouldBe("7");
    }

    [Theory]
    [InlineData("/credits", CommandKind.Credits, null, null)]
    [InlineData("/credits grant <@1234> 50", CommandKind.GrantCredits, "1234", 50L)]
    [InlineData("/credits grant <@U12AB|bob> -5", CommandKind.GrantCredits, "U12AB", -5L)]
    [InlineData("/credits set-allowance 20", CommandKind.SetAllowance, null, 20L)]
    [InlineData("/credits <@U12AB|bob>", CommandKind.Credits, "U12AB", null)]
    public void Parse_CreditsSubcommands_AreRecognised(string line, CommandKind kind, string? target, long? amount)
    {
        var parsed = CommandText.Parse(line);

        parsed.IsValid.ShouldBeTrue(parsed.Error);
        parsed.Kind.ShouldBe(kind);
        parsed.Options.TargetUserId.ShouldBe(target);
        parsed.Options.Amount.ShouldBe(amount);
    }

    [Fact]
    public void ApplyInlineFlags_FlagsInStructuredPrompt_OverrideFields()
    {
        var options = new CommandOptions { Prompt = "a ship --ar 21:9", AspectRatio = "1:1" };

        var parsed = CommandText.ApplyInlineFlags(CommandKind.Imagine, options);

        parsed.Options.Prompt.ShouldBe("a ship");
        parsed.Options.AspectRatio.ShouldBe("21:9");
    }

    [Theory]
    [InlineData("/video a fox running --audio", "audio")]
    [InlineData("/imagine a fox --expand --ar 16:9", "expand")]
    public void Parse_BareFlag_SwitchesItOn(string line, string flag)
    {
        var parsed = CommandText.Parse(line);

        parsed.Error.ShouldBeNull();
        parsed.Options.Extra[flag].ShouldBe("true");
        parsed.Options.Prompt!.ShouldNotContain("--");
    }
}
