using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Playwright;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>Several images in the Playground page, in Debian's chromium (headless): one numbered grid, the singles on click, U<i>n</i> on image <i>n</i>.</summary>
public sealed class PlaygroundGridPageTests : PlaygroundBrowserTest
{
    private const string Result = ".msg[data-status='succeeded']";

    /// <summary>
    /// Loads each URL and returns its middle half shrunk to 8×8 RGB; with <c>tiles</c>, the first URL is a 2×2 grid and
    /// each of its four cells is read instead.
    /// </summary>
    private const string Thumbnails = """
        async ([urls, tiles]) => {
          const load = (url) => new Promise((ok, no) => { const i = new Image(); i.onload = () => ok(i); i.onerror = no; i.src = url; });
          const shrink = (img, x, y, w, h) => {
            const c = document.createElement("canvas"); c.width = 8; c.height = 8;
            const g = c.getContext("2d"); g.drawImage(img, x + w / 4, y + h / 4, w / 2, h / 2, 0, 0, 8, 8);
            return Array.from(g.getImageData(0, 0, 8, 8).data).filter((_, k) => k % 4 !== 3);
          };
          const images = await Promise.all(urls.map(load));
          if (!tiles) return images.map(i => shrink(i, 0, 0, i.naturalWidth, i.naturalHeight));
          const grid = images[0], w = grid.naturalWidth / 2, h = grid.naturalHeight / 2;
          return [0, 1, 2, 3].map(n => shrink(grid, (n % 2) * w, Math.floor(n / 2) * h, w, h));
        }
        """;

    [Fact]
    public async Task Imagine_FourImages_ShowsOneNumberedGridWhoseTilesAndUButtonsMatchTheSingleImages()
    {
        var page = await OpenPlaygroundAsync();
        await page.Locator("#me-name", new PageLocatorOptions { HasText = "admin" }).WaitForAsync();

        await page.FillAsync("#text", "/imagine a lighthouse at dusk --n 4 --model local-sketch");
        await page.PressAsync("#text", "Enter");
        var grid = page.Locator($"{Result} .grid-result img.grid-image");
        await grid.WaitForAsync();

        // One picture: the grid; the four singles are there, hidden until the grid is clicked.
        (await page.Locator($"{Result} .card img:visible").CountAsync()).ShouldBe(1);
        (await grid.GetAttributeAsync("alt")).ShouldBe("4 images, numbered 1 to 4");
        var singles = page.Locator($"{Result} .singles img");
        (await singles.CountAsync()).ShouldBe(4);
        (await page.Locator($"{Result} .singles").IsHiddenAsync()).ShouldBeTrue();
        await grid.ClickAsync();
        await singles.Nth(3).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var singleUrls = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            singleUrls.Add((await singles.Nth(i).EvaluateAsync<string>("img => img.src"))!);
        }

        var buttons = await page.Locator($"{Result} .buttons button").AllInnerTextsAsync();
        buttons.ShouldContain("U1");
        buttons.ShouldContain("U4");
        buttons.ShouldContain("V4");

        // Tile n of the grid is single image n.
        var gridUrl = await grid.EvaluateAsync<string>("img => img.src");
        var tiles = await page.EvaluateAsync<int[][]>(Thumbnails, new object[] { new[] { gridUrl }, true });
        var pictures = await page.EvaluateAsync<int[][]>(Thumbnails, new object[] { singleUrls.ToArray(), false });
        for (var n = 0; n < 4; n++)
        {
            Nearest(tiles[n], pictures).ShouldBe(n, $"tile {n + 1}");
        }

        // U3 upscales picture 3.
        await page.Locator($"{Result} .buttons button", new PageLocatorOptions { HasText = "U3" }).ClickAsync();
        await page.Locator(".msg .body.command", new PageLocatorOptions { HasText = "[U3]" }).WaitForAsync();
        var upscaled = page.Locator($"{Result} .media.result:not(.singles) img");
        await upscaled.Last.WaitForAsync();
        var upscaledUrl = await upscaled.Last.EvaluateAsync<string>("img => img.src");
        var upscale = (await page.EvaluateAsync<int[][]>(Thumbnails, new object[] { new[] { upscaledUrl }, false }))[0];
        Nearest(upscale, pictures).ShouldBe(2);
    }

    /// <summary>The index of the picture closest to <paramref name="thumbnail"/> (sum of absolute differences).</summary>
    private static int Nearest(int[] thumbnail, int[][] pictures) =>
        Enumerable.Range(0, pictures.Length).MinBy(i => thumbnail.Zip(pictures[i], (a, b) => Math.Abs(a - b)).Sum());
}
