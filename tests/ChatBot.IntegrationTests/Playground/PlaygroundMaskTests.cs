using System.Text.Json;
using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>The Playground page's "Mask" toggle on an attachment chip, in Debian's chromium (headless).</summary>
public sealed class PlaygroundMaskTests : PlaygroundBrowserTest
{
    [Fact]
    public async Task Send_ChipMarkedAsMask_PostsThatAttachmentWithTheMaskRole()
    {
        var page = await OpenPlaygroundAsync();
        await page.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();

        await page.SetInputFilesAsync("#file",
        [
            new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = TestMedia.Png(40, 30, 1) },
            new FilePayload { Name = "mask.png", MimeType = "image/png", Buffer = TestMedia.Png(40, 30, 2) },
        ]);
        var chips = page.Locator("#attachments .chip");
        await chips.Nth(1).WaitForAsync();
        await chips.Nth(1).Locator(".mask-toggle").ClickAsync();
        (await page.Locator("#attachments .chip").Nth(1).Locator(".mask-toggle").GetAttributeAsync("aria-pressed")).ShouldBe("true");

        await page.FillAsync("#text", "/edit a starry sky --mode inpaint");
        var request = await page.RunAndWaitForRequestAsync(
            () => page.PressAsync("#text", "Enter"),
            r => r.Method == "POST" && r.Url.EndsWith("/api/playground/messages", StringComparison.Ordinal));

        using var body = JsonDocument.Parse(request.PostData!);
        var attachments = body.RootElement.GetProperty("attachments").EnumerateArray().ToList();
        attachments.Count.ShouldBe(2);
        attachments[0].GetProperty("fileName").GetString().ShouldBe("photo.png");
        attachments[0].TryGetProperty("role", out var first).ShouldBeFalse(first.ToString()); // unmarked: the server reads it as an image
        attachments[1].GetProperty("role").GetString().ShouldBe("mask");
    }
}
