using ChatBot.Discord.Media;

namespace ChatBot.Discord.Tests.Media;

public sealed class DiscordPlatformMediaTests
{
    private static IPlatformMedia CreateSut(DiscordTestHost host) => host.Services.GetRequiredService<IPlatformMedia>();

    [Fact]
    public async Task OpenAsync_HostOutsideCdnList_IsRejected()
    {
        await using var host = await DiscordTestHost.StartAsync(waitForReady: false);
        var media = CreateSut(host);

        await Should.ThrowAsync<MediaRejectedException>(() => media.OpenAsync(new MediaRef("https://evil.example/cat.png", "cat.png"), CancellationToken.None));
        await Should.ThrowAsync<MediaRejectedException>(() => media.OpenAsync(new MediaRef("http://localhost:1/cat.png", "cat.png"), CancellationToken.None));
    }

    [Theory]
    [InlineData("https://cdn.discordapp.com/a/cat.png", true)]
    [InlineData("http://cdn.discordapp.com/a/cat.png", false)]
    [InlineData("https://evil.example/cat.png", false)]
    [InlineData("http://127.0.0.1/cat.png", true)]
    [InlineData("not a url", false)]
    public void IsAllowed_HostAndScheme_OnlyListedHttpsOrLoopbackHttp(string url, bool expected) =>
        DiscordPlatformMedia.IsAllowed(url, ["cdn.discordapp.com", "127.0.0.1"], out _).ShouldBe(expected);
}
