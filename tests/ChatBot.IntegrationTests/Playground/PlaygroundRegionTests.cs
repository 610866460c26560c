using System.Text.Json;
using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Playwright;
using SkiaSharp;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>Vary (Region) in the Playground page, in Debian's chromium (headless), with AetherWave's emulator inpainting.</summary>
public sealed class PlaygroundRegionTests : PlaygroundBrowserTest
{
    private readonly AetherWaveEmulator _aetherWave = new();

    private protected override Task<RunningHost> StartHostAsync() =>
        RunningHost.StartAgainstAsync(new Dictionary<string, ProviderEmulator> { ["AetherWave"] = _aetherWave }, new(StringComparer.OrdinalIgnoreCase) { ["Credits:DefaultDailyAllowance"] = "1000" });

    [Fact]
    public async Task VaryRegion_PaintedAndSubmittedInTheOverlay_PostsTheInpaintedResultInTheChannel()
    {
        var page = await OpenPlaygroundAsync();
        await page.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();
        await page.FillAsync("#text", "/imagine a lighthouse at dusk --model local-sketch");
        await page.PressAsync("#text", "Enter");
        var results = page.Locator(".msg[data-status='succeeded'] .media.result img");
        await results.First.WaitForAsync();

        await page.Locator(".msg[data-status='succeeded'] .buttons button", new PageLocatorOptions { HasText = "Vary (Region)" }).First.ClickAsync();
        var image = page.Locator("#region-overlay .region-image");
        await image.WaitForAsync();
        var natural = await image.EvaluateAsync<int[]>("img => img.complete && img.naturalWidth ? [img.naturalWidth, img.naturalHeight] : new Promise(r => img.onload = () => r([img.naturalWidth, img.naturalHeight]))");
        var box = (await page.Locator("#region-overlay .region-canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.2f), box.Y + (box.Height * 0.3f));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.5f), box.Y + (box.Height * 0.5f), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.FillAsync("#region-overlay .region-prompt", "a red door");
        var press = await page.RunAndWaitForRequestAsync(
            () => page.ClickAsync("#region-overlay .region-submit"),
            r => r.Method == "POST" && r.Url.Contains("/buttons/cb%3AVaryRegion", StringComparison.Ordinal));

        await page.Locator(".msg .body.command", new PageLocatorOptions { HasText = "[Vary (Region)] a red door" }).WaitForAsync();
        await results.Nth(1).WaitForAsync();
        (await page.Locator("#region-overlay").IsHiddenAsync()).ShouldBeTrue();
        var submit = _aetherWave.LastSubmit.ShouldNotBeNull();
        submit.Path.ShouldBe("/api/inpaint-image");
        submit.Field("prompt").ShouldBe("a red door");
        using var body = JsonDocument.Parse(press.PostData!);
        var mask = body.RootElement.GetProperty("mask").GetString()!;
        using var bitmap = SKBitmap.Decode(Convert.FromBase64String(mask[(mask.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        (bitmap.Width, bitmap.Height).ShouldBe((natural[0], natural[1]));
        bitmap.GetPixel(natural[0] * 35 / 100, natural[1] * 40 / 100).Alpha.ShouldBe((byte)0); // painted: to change
        bitmap.GetPixel(natural[0] * 9 / 10, natural[1] * 9 / 10).Alpha.ShouldBe((byte)255); // untouched: kept
    }
}
