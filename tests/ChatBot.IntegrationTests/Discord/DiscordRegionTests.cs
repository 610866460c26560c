using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Vary (Region) on Discord: the button, its signed link to the bot's editor page, and the job the page starts.</summary>
public sealed class DiscordRegionTests
{
    private const string Label = "Vary (Region)";

    private static JsonArray Prompt(string prompt) => [new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = prompt }];

    private static IEnumerable<JsonNode> Buttons(JsonObject? message) =>
        message?["components"] is JsonArray rows ? rows.SelectMany(r => r!["components"]!.AsArray()).Select(b => b!) : [];

    private static async Task<JsonObject> ImagineAsync(DiscordBotHost host, string prompt)
    {
        var interaction = await host.Emulator.SendSlashCommandAsync(host.Channel, host.Member, "imagine", Prompt(prompt));
        await host.Emulator.WaitUntilAsync(e => e.GetOriginal(interaction)?["attachments"] is JsonArray { Count: > 0 } && Buttons(e.GetOriginal(interaction)).Any());
        await host.Endings.WaitForAsync(1);
        return host.Emulator.GetOriginal(interaction)!;
    }

    [Fact]
    public async Task RegionButton_WithoutPublicBaseUrl_IsNotOffered()
    {
        await using var host = await DiscordBotHost.StartAsync();

        var result = await ImagineAsync(host, "a harbour at night");

        Buttons(result).Select(b => b["label"]!.GetValue<string>()).ShouldNotContain(Label);
    }

    [Fact]
    public async Task RegionLink_PaintedAndSubmittedOnItsPage_PostsTheInpaintInTheOriginalChannel()
    {
        await using var host = await DiscordBotHost.StartAsync(s => s["Playground:PublicBaseUrl"] = "https://bot.example.com/");
        var result = await ImagineAsync(host, "a harbour at night");
        var button = Buttons(result).Single(b => b["label"]!.GetValue<string>() == Label);

        var click = await host.Emulator.ClickButtonAsync(host.Channel, host.Member, result["id"]!.GetValue<string>(), button["custom_id"]!.GetValue<string>());
        await host.Emulator.WaitUntilAsync(e => RegionEditorClient.TokenIn(e.GetOriginal(click)?["content"]?.GetValue<string>()) is not null);
        var answer = host.Emulator.GetOriginal(click)!;
        answer["content"]!.GetValue<string>().ShouldContain("https://bot.example.com/region?t=");
        (answer["flags"]!.GetValue<int>() & 64).ShouldBe(64); // only the member who pressed sees the link
        var token = RegionEditorClient.TokenIn(answer["content"]!.GetValue<string>())!;

        using var page = new RegionEditorClient(host.Address);
        (await page.PageAsync(token)).ShouldContain("region/editor.js");
        var (status, body) = await page.PaintAndSubmitAsync(token, "a red lighthouse");

        status.ShouldBe(HttpStatusCode.Accepted, body.ToJsonString());
        await host.Endings.WaitForAsync(2);
        var inpaint = host.Provider.Submitted.Last();
        inpaint.Operation.ShouldBe(MediaOperation.Inpaint);
        inpaint.Options.Prompt.ShouldBe("a red lighthouse");
        inpaint.Inputs.Select(i => i.Role).ShouldBe([MediaRole.Image, MediaRole.Mask]);
        var posted = host.Emulator.RestCalls.Last(c => c.Is("POST", $"/channels/{host.Channel.Id}/messages"));
        posted.Json!["content"]!.GetValue<string>().ShouldContain(host.Member.UserId);
        await host.Emulator.WaitUntilAsync(e => host.Emulator.RestCalls.Any(c => c.Is("PATCH", $"/channels/{host.Channel.Id}/messages/") && c.IsMultipart));
    }

    [Fact]
    public async Task RegionLink_Forged_IsRefusedByThePageAndItsSubmit()
    {
        await using var host = await DiscordBotHost.StartAsync(s => s["Playground:PublicBaseUrl"] = "https://bot.example.com/");
        var result = await ImagineAsync(host, "a harbour at night");
        var button = Buttons(result).Single(b => b["label"]!.GetValue<string>() == Label);
        var click = await host.Emulator.ClickButtonAsync(host.Channel, host.Member, result["id"]!.GetValue<string>(), button["custom_id"]!.GetValue<string>());
        await host.Emulator.WaitUntilAsync(e => RegionEditorClient.TokenIn(e.GetOriginal(click)?["content"]?.GetValue<string>()) is not null);
        var token = RegionEditorClient.TokenIn(host.Emulator.GetOriginal(click)!["content"]!.GetValue<string>())!;

        // Another member's link: the payload says someone else, the signature is the original's.
        var payload = System.Buffers.Text.Base64Url.EncodeToString(
            System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0])).Replace(host.Member.UserId, "999", StringComparison.Ordinal)));
        var forged = payload + "." + token.Split('.')[1];
        using var page = new RegionEditorClient(host.Address);

        var (infoStatus, info) = await page.InfoAsync(forged);
        var (submitStatus, submit) = await page.SubmitAsync(forged, "a red lighthouse", 32, 32);

        infoStatus.ShouldBe(HttpStatusCode.Forbidden);
        info["error"]!.GetValue<string>().ShouldContain("not valid");
        submitStatus.ShouldBe(HttpStatusCode.Forbidden);
        submit["error"]!.GetValue<string>().ShouldContain("Press Vary (Region)");
        host.Provider.Submitted.Count.ShouldBe(1);
    }
}
