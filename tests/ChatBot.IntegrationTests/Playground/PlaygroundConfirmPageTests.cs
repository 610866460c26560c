using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>Cost before the run in the Playground page, in Debian's chromium (headless): the price, Confirm / Cancel, then the run.</summary>
public sealed class PlaygroundConfirmPageTests : PlaygroundBrowserTest
{
    [Fact]
    public async Task Imagine_AboveTheThreshold_ShowsThePriceWithConfirmAndCancel_AndConfirmRunsItAndChargesIt()
    {
        await PlaygroundConfirmationTests.ConfirmAboveAsync(Host, 1);
        var page = await OpenPlaygroundAsync();
        await page.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();

        await page.FillAsync("#text", "/imagine a lighthouse at dusk --n 2 --model local-sketch");
        await page.PressAsync("#text", "Enter");
        var waiting = page.Locator(".msg[data-status='awaiting-confirmation']");
        await waiting.WaitForAsync();
        (await waiting.Locator(".card .text").InnerTextAsync()).ShouldContain("This costs 2 credits");
        (await waiting.Locator(".badge").InnerTextAsync()).ShouldBe("AWAITING CONFIRMATION");
        (await waiting.Locator(".buttons button").AllInnerTextsAsync()).ShouldBe(["Confirm (2 credits)", "Cancel"]);
        (await page.Locator(".media.result img, .grid-image").CountAsync()).ShouldBe(0);

        await waiting.Locator(".buttons button", new LocatorLocatorOptions { HasText = "Confirm" }).ClickAsync();

        await page.Locator(".card.info .text", new PageLocatorOptions { HasText = "Confirmed: 2 credits reserved" }).WaitForAsync();
        var result = page.Locator(".msg[data-status='succeeded']", new PageLocatorOptions { Has = page.Locator(".grid-image") });
        await result.WaitForAsync();
        (await result.Locator(".card .text").InnerTextAsync()).ShouldContain("2 credits");
        (await result.Locator(".buttons button").AllInnerTextsAsync()).ShouldNotContain("Confirm (2 credits)");
    }

    [Fact]
    public async Task Cancel_OnTheConfirmation_EndsItWithNothingChargedAndNoButtons()
    {
        await PlaygroundConfirmationTests.ConfirmAboveAsync(Host, 0);
        var page = await OpenPlaygroundAsync();
        await page.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();
        await page.FillAsync("#text", "/imagine a lighthouse --model local-sketch");
        await page.PressAsync("#text", "Enter");
        var waiting = page.Locator(".msg[data-status='awaiting-confirmation']");
        await waiting.WaitForAsync();

        await waiting.Locator(".buttons button", new LocatorLocatorOptions { HasText = "Cancel" }).ClickAsync();

        var cancelled = page.Locator(".msg[data-status='cancelled']");
        await cancelled.WaitForAsync();
        (await cancelled.Locator(".card .text").InnerTextAsync()).ShouldContain("No credits were charged");
        (await cancelled.Locator(".buttons").CountAsync()).ShouldBe(0);
        await page.Locator(".card.info .text", new PageLocatorOptions { HasText = "nothing was charged" }).WaitForAsync();
    }
}
