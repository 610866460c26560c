namespace ChatBot.Discord.Tests.TestSupport;

/// <summary>Slash command options as Discord sends them.</summary>
public static class SlashOptions
{
    /// <summary>A <c>prompt</c> string option, then any more (name, Discord option type, value).</summary>
    public static JsonArray Prompt(string prompt, params (string Name, int Type, JsonNode Value)[] more)
    {
        var options = new JsonArray { new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = prompt } };
        foreach (var (name, type, value) in more)
        {
            options.Add(new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value });
        }

        return options;
    }
}
