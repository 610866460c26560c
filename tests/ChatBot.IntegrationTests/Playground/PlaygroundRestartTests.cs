using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>The Playground's conversation across a restart of the host, in Debian's chromium (headless).</summary>
public sealed class PlaygroundRestartTests : PlaygroundBrowserTest
{
    private const string Results = ".msg[data-status='succeeded'] .media.result img";

    [Fact]
    public async Task Restart_OnTheSameData_ShowsTheHistoryAndItsButtonsStillWork()
    {
        var page = await OpenPlaygroundAsync();
        await page.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();
        await page.FillAsync("#text", "/imagine a lighthouse at dusk");
        await page.PressAsync("#text", "Enter");
        await page.Locator(Results).First.WaitForAsync();
        await page.CloseAsync();

        await RestartHostAsync();

        page = await OpenPlaygroundAsync();
        await page.Locator(".msg .body.command", new PageLocatorOptions { HasText = "/imagine a lighthouse at dusk" }).WaitForAsync();
        await page.Locator(Results).First.WaitForAsync();
        (await page.Locator(Results).First.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))")).ShouldBeGreaterThan(0);

        await page.Locator(".msg[data-status='succeeded'] .buttons button", new PageLocatorOptions { HasText = "Re-roll" }).First.ClickAsync();

        await page.Locator(Results).Nth(1).WaitForAsync();
        (await page.Locator(".msg .body.command", new PageLocatorOptions { HasText = "[Re-roll]" }).CountAsync()).ShouldBe(1);
    }
}
