using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>
/// The README's picture of the Playground (<c>docs/playground.png</c>), taken by a browser test so it shows the page as
/// it is. Written only when <c>UPDATE_SCREENSHOT=1</c>, so a test run never changes the checked-out tree by itself.
/// </summary>
internal static class ReadmeScreenshot
{
    public const string Variable = "UPDATE_SCREENSHOT";

    public static async Task SaveIfAskedAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChatBot.sln")))
        {
            root = root.Parent;
        }

        var docs = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("ChatBot.sln is not above the test's folder."), "docs");
        Directory.CreateDirectory(docs);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(docs, "playground.png") });
    }
}
