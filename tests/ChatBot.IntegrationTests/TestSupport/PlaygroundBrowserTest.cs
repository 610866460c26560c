using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>
/// The base of a test class that drives the Playground page: per test, a <see cref="RunningHost"/> and Debian's
/// chromium (headless) from Playwright.
/// </summary>
public abstract class PlaygroundBrowserTest : IAsyncLifetime
{
    private const float WaitMilliseconds = 90_000;

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private protected RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await StartHostAsync();
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>The host each test gets: by default the local provider only.</summary>
    private protected virtual Task<RunningHost> StartHostAsync() => RunningHost.StartAsync();

    /// <summary>Stops the host and starts it again on the same data folder (a new address and sign-in link).</summary>
    private protected async Task RestartHostAsync() => Host = await Host.RestartAsync();

    /// <summary>
    /// A new page (a browser context of its own: its own cookies), 1280×900 unless told, in the light or dark scheme, waiting up to 90 s for what a test awaits,
    /// on the Playground at <paramref name="path"/>; by default signed in as the admin through the host's one-time link.
    /// </summary>
    protected async Task<IPage> OpenPlaygroundAsync(string? path = null, int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, ColorScheme = colorScheme });
        page.SetDefaultTimeout(WaitMilliseconds);
        path ??= "/signin?token=" + Uri.EscapeDataString(Host.SignInToken!);
        await page.GotoAsync(new Uri(Host.Address, path).ToString());
        return page;
    }
}
