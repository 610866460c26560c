using System.Text.RegularExpressions;
using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.Playground.Access;

/// <summary>Signing in on the page (the one-time link, an invite, a password), and a private reply another member never sees.</summary>
public sealed partial class PlaygroundSignInPageTests : PlaygroundBrowserTest
{
    [Fact]
    public async Task SignIn_LinkInviteAndPassword_AnotherMemberCannotSeeAPrivateReply()
    {
        var admin = await OpenPlaygroundAsync();
        await admin.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();
        await admin.ClickAsync("#invite");
        await admin.Locator("#invite-dialog[open]").WaitForAsync();
        var invite = new Uri(await admin.InputValueAsync("#invite-link"));
        await admin.ClickAsync("#invite-close");

        var bob = await OpenPlaygroundAsync(invite.PathAndQuery);
        await bob.Locator("#signin-title", new PageLocatorOptions { HasText = "Create your account" }).WaitForAsync();
        await bob.FillAsync("#signin-user", "bob");
        await bob.FillAsync("#signin-password", "bob's long password");
        await bob.ClickAsync("#signin-ok");
        await bob.Locator("#me-name", new PageLocatorOptions { HasText = "bob" }).WaitForAsync();
        var bobsPrivate = await SendCreditsAsync(bob);

        // The admin's own answer comes after bob's on the same event stream: had bob's been sent, it would be drawn by now.
        await SendCreditsAsync(admin);
        (await admin.Locator($".msg[data-reply-id='{bobsPrivate}']").CountAsync()).ShouldBe(0);
        await admin.ReloadAsync();
        await admin.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();
        await admin.Locator(".card.info .text", new PageLocatorOptions { HasTextRegex = CreditsPattern() }).First.WaitForAsync();
        (await admin.Locator($".msg[data-reply-id='{bobsPrivate}']").CountAsync()).ShouldBe(0);

        // Bob, in a browser of his own, signs in with his password and finds his private answer.
        var again = await OpenPlaygroundAsync("/");
        await again.Locator("#signin-title", new PageLocatorOptions { HasText = "Sign in" }).WaitForAsync();
        await again.FillAsync("#signin-user", "bob");
        await again.FillAsync("#signin-password", "bob's long password");
        await again.ClickAsync("#signin-ok");
        await again.Locator("#me-name", new PageLocatorOptions { HasText = "bob" }).WaitForAsync();
        await again.Locator($".msg[data-reply-id='{bobsPrivate}']").WaitForAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoInTheDialog()
    {
        var page = await OpenPlaygroundAsync("/");
        await page.FillAsync("#signin-user", "admin");
        await page.FillAsync("#signin-password", "not the password");
        await page.ClickAsync("#signin-ok");

        await page.Locator("#signin-error", new PageLocatorOptions { HasText = "do not match" }).WaitForAsync();
        (await page.TextContentAsync("#me-name")).ShouldBe("not signed in");
    }

    /// <summary>Types /credits and waits for its (private) answer; the answer's reply id.</summary>
    private static async Task<string> SendCreditsAsync(IPage page)
    {
        var answers = page.Locator(".msg", new PageLocatorOptions { Has = page.Locator(".card.info .text", new PageLocatorOptions { HasTextRegex = CreditsPattern() }) });
        var before = await answers.CountAsync();
        await page.FillAsync("#text", "/credits");
        await page.PressAsync("#text", "Enter");
        await answers.Nth(before).WaitForAsync();
        return (await answers.Nth(before).GetAttributeAsync("data-reply-id"))!;
    }

    [GeneratedRegex(@"Credits:\W*\d+ available")]
    private static partial Regex CreditsPattern();
}
