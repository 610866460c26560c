using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>The Playground page's layout in Debian's chromium (headless): a phone's width, the dark scheme, the admin's welcome.</summary>
public sealed class PlaygroundLayoutTests : PlaygroundBrowserTest
{
    [Fact]
    public async Task Page_AtPhoneWidthInTheDarkScheme_FitsTheScreenKeepsItsControlsAndScrollsToTheResult()
    {
        var page = await OpenPlaygroundAsync(width: 390, height: 844, colorScheme: ColorScheme.Dark);
        await page.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();

        (await page.Locator("#admin-note").InnerTextAsync()).ShouldContain("You are the admin");
        (await page.Locator("#me-role").IsVisibleAsync()).ShouldBeTrue();
        (await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor")).ShouldBe("rgb(22, 23, 31)");

        await page.FillAsync("#text", "/help");
        await page.PressAsync("#text", "Enter");
        await page.Locator(".card.info .text").First.WaitForAsync();
        await page.FillAsync("#text", "/imagine a lighthouse at dusk --model local-sketch");
        await page.PressAsync("#text", "Enter");
        var result = page.Locator(".msg[data-status='succeeded'] .media.result img").Last;
        await result.WaitForAsync();
        await result.EvaluateAsync("img => img.complete && img.naturalWidth ? 0 : new Promise(r => img.onload = r)");

        // The result is in view once its picture has loaded (the page scrolled to it), and nothing scrolls sideways.
        await page.WaitForFunctionAsync("() => { const m = document.getElementById('messages'); return m.scrollHeight - m.scrollTop - m.clientHeight < 2; }");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        foreach (var control in new[] { "#text", "#send", ".attach", "#signout", "#invite", ".msg[data-status='succeeded'] .buttons button" })
        {
            var box = (await page.Locator(control).Last.BoundingBoxAsync()).ShouldNotBeNull(control);
            (box.X >= 0 && box.X + box.Width <= 390 && box.Y >= 0 && box.Y + box.Height <= 844).ShouldBeTrue($"{control} at {box.X},{box.Y} {box.Width}×{box.Height}");
        }
    }

    [Fact]
    public async Task Page_InTheLightScheme_IsLight() =>
        (await (await OpenPlaygroundAsync()).EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor")).ShouldBe("rgb(246, 247, 251)");
}
