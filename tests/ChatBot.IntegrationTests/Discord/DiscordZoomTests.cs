using System.Text.Json.Nodes;
using ChatBot.Core.Catalog;
using static ChatBot.IntegrationTests.Discord.DiscordSurface;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Issue 12, more result actions on Discord: Zoom Out on a model that extends a canvas, offered only where one does.</summary>
public sealed class DiscordZoomTests
{
    /// <summary>A model that extends a canvas by pixels per side, as ALwrity's outpaint and the local reframer do.</summary>
    internal const string ReframeModel = """
        {
          "id": "scripted-reframe", "provider": "scripted", "displayName": "Scripted reframe",
          "operations": [ "reframe" ], "price": { "perOutput": 1 }, "limits": { "requiresImage": true },
          "parameters": { "left": { "min": 0, "integer": true }, "right": { "min": 0, "integer": true }, "up": { "min": 0, "integer": true }, "down": { "min": 0, "integer": true } }
        }
        """;

    private static IEnumerable<string> Labels(JsonObject message) =>
        message["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Select(b => b!["label"]!.GetValue<string>());

    private static bool HasImage(JsonObject? message) => message?["attachments"] is JsonArray { Count: 1 } && message["components"] is JsonArray { Count: > 0 };

    [Fact]
    public async Task ZoomOut2_AfterARestart_ExtendsTheCanvasByHalfOnEverySide()
    {
        await using var host = await DiscordBotHost.StartAsync(moreModels: ReframeModel);
        var imagine = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", "a castle on a hill")));
        await host.Emulator.WaitUntilAsync(e => HasImage(e.GetOriginal(imagine)));
        await host.Endings.WaitForAsync(1);
        var result = host.Emulator.GetOriginal(imagine)!;
        Labels(result).ShouldContain("Zoom Out 1.5×");
        Labels(result).ShouldContain("⬅️");
        var zoom = DiscordConfirmationTests.Button(result, "Zoom Out 2×")["custom_id"]!.GetValue<string>();

        await host.RestartAsync();
        var click = await host.Emulator.ClickButtonAsync(host.Channel, host.Member, result["id"]!.GetValue<string>(), zoom);

        await host.Emulator.WaitUntilAsync(e => HasImage(e.GetOriginal(click)));
        var request = host.Provider.Submitted.Last();
        request.Operation.ShouldBe(MediaOperation.Reframe);
        request.Model.Id.ShouldBe("scripted-reframe");
        request.Options.Prompt.ShouldBe("a castle on a hill");
        // The scripted result is 32×32: twice as wide and high is 16 more pixels on each side.
        (request.Options.Extra["left"], request.Options.Extra["right"], request.Options.Extra["up"], request.Options.Extra["down"]).ShouldBe(("16", "16", "16", "16"));
    }

    [Fact]
    public async Task ZoomAndPan_WithNoModelThatExtendsACanvas_AreNotOffered()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var imagine = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Options(Text("prompt", "a castle")));
        await host.Emulator.WaitUntilAsync(e => HasImage(e.GetOriginal(imagine)));

        var labels = Labels(host.Emulator.GetOriginal(imagine)!).ToList();
        labels.ShouldNotContain(l => l.StartsWith("Zoom Out", StringComparison.Ordinal));
        labels.ShouldNotContain("⬅️");
        labels.ShouldContain("Vary (Strong)");
        labels.ShouldContain("Same seed");
    }
}
