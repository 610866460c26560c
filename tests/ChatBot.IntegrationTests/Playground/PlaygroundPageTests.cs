using System.Text.RegularExpressions;
using ChatBot.Core.Catalog;
using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>The Playground page in Debian's chromium (headless), driven like a member would.</summary>
public sealed partial class PlaygroundPageTests : PlaygroundBrowserTest
{
    [Fact]
    public async Task Imagine_TypedInThePage_ShowsTheImageAndCreditsGoDownByThePrice()
    {
        var price = Host.GetService<ModelCatalog>().Find("local-sketch")!.Price.Quote(1, null, null);
        var page = await OpenPlaygroundAsync();

        try
        {
            await page.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();
            var before = await SendAndReadCreditsAsync(page, 1);

            // The hint list offers commands, then the options of the chosen command.
            await page.FillAsync("#text", "/ima");
            await page.Locator("#hints .hint-name", new PageLocatorOptions { HasText = "/imagine" }).WaitForAsync();
            await page.PressAsync("#text", "Tab");
            (await page.InputValueAsync("#text")).ShouldBe("/imagine ");
            await page.FillAsync("#text", "/imagine a lighthouse at dusk --a");
            await page.Locator("#hints .hint-name", new PageLocatorOptions { HasText = "--ar" }).WaitForAsync();

            await page.FillAsync("#text", "/imagine a lighthouse at dusk --model local-sketch");
            await page.PressAsync("#text", "Enter");
            var result = page.Locator(".msg[data-status='succeeded'] .media.result img");
            await result.First.WaitForAsync();
            (await result.First.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))")).ShouldBeGreaterThan(0);
            (await page.Locator(".msg[data-status='succeeded'] .buttons button").AllInnerTextsAsync()).ShouldContain("Upscale");
            await ReadmeScreenshot.SaveIfAskedAsync(page);

            var after = await SendAndReadCreditsAsync(page, 2);

            after.ShouldBe(before - price);
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "chatbot-playground.png") });
        }
    }

    /// <summary>Runs /credits and reads the balance from the <paramref name="nth"/> credits answer on the page.</summary>
    private static async Task<long> SendAndReadCreditsAsync(IPage page, int nth)
    {
        await page.FillAsync("#text", "/credits");
        await page.PressAsync("#text", "Enter");
        var answers = page.Locator(".card.info .text", new PageLocatorOptions { HasTextRegex = AvailablePattern() });
        await answers.Nth(nth - 1).WaitForAsync();
        return PlaygroundClient.ParseAvailable(await answers.Nth(nth - 1).InnerTextAsync());
    }

    [GeneratedRegex(@"Credits:\W*\d+ available")]
    private static partial Regex AvailablePattern();
}
