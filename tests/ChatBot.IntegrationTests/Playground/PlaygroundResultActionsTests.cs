using System.Buffers.Binary;
using System.Text.RegularExpressions;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>
/// Issue 12, more result actions on the Playground API (the offline local models): Vary (Strong) and (Subtle) vary with a
/// strength, Pan and Zoom Out extend the canvas with the local reframer, Same seed keeps the seed, Re-roll draws a new one.
/// </summary>
public sealed partial class PlaygroundResultActionsTests
{
    private static async Task<string> InfoAsync(RunningHost host, ReplyState result) =>
        (await host.Client.PressToEndAsync(result.ReplyId, result.Buttons.Single(b => b.Action == "Info").Id, "alice")).Text;

    private static async Task<ReplyState> PressAsync(RunningHost host, ReplyState result, string label)
    {
        var pressed = await host.Client.PressToEndAsync(result.ReplyId, result.Buttons.Single(b => b.Label == label).Id, "alice");
        pressed.Status.ShouldBe("succeeded", pressed.Text);
        return pressed;
    }

    private static async Task<(int Width, int Height)> SizeAsync(RunningHost host, ReplyState result)
    {
        var png = await host.Client.Http.GetByteArrayAsync(result.Media.Single());
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));
    }

    private static string Seed(string info) => SeedPattern().Match(info).Groups[1].Value;

    [Fact]
    public async Task VaryStrongAndSubtle_VaryWithTheirStrengths()
    {
        await using var host = await RunningHost.StartAsync();
        var result = await host.Client.RunAsync("alice", "/imagine a lighthouse at dusk");

        var strong = await PressAsync(host, result, "Vary (Strong)");
        var subtle = await PressAsync(host, result, "Vary (Subtle)");

        (await InfoAsync(host, strong)).ShouldContain("--strength 0.8");
        (await InfoAsync(host, subtle)).ShouldContain("--strength 0.35");
    }

    [Fact]
    public async Task PanRightAndZoomOut_ExtendTheCanvasWithTheLocalReframer()
    {
        await using var host = await RunningHost.StartAsync();
        var result = await host.Client.RunAsync("alice", "/imagine a lighthouse at dusk");
        var (width, height) = await SizeAsync(host, result);

        var panned = await PressAsync(host, result, "➡️");
        var zoomed = await PressAsync(host, result, "Zoom Out 2×");

        (await SizeAsync(host, panned)).ShouldBe((width + (width / 2), height));
        (await SizeAsync(host, zoomed)).ShouldBe((width * 2, height * 2));
        (await InfoAsync(host, panned)).ShouldContain("`local-reframe`");
    }

    [Fact]
    public async Task SameSeed_KeepsTheSeed_RerollDrawsANewOne()
    {
        await using var host = await RunningHost.StartAsync();
        var result = await host.Client.RunAsync("alice", "/imagine a lighthouse at dusk");
        var seed = Seed(await InfoAsync(host, result));

        var same = await PressAsync(host, result, "Same seed");
        var rerolled = await PressAsync(host, result, "Re-roll");

        seed.ShouldNotBeEmpty();
        Seed(await InfoAsync(host, same)).ShouldBe(seed);
        Seed(await InfoAsync(host, rerolled)).ShouldNotBe(seed);
        (await host.Client.Http.GetByteArrayAsync(same.Media.Single())).ShouldBe(await host.Client.Http.GetByteArrayAsync(result.Media.Single()));
    }

    [GeneratedRegex(@"Seed: (\d+)")]
    private static partial Regex SeedPattern();
}
