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

    [Fact]
    public void IsAllowed_ListedHttpsHostOrLoopbackHttp_AcceptedAndNothingElse()
    {
        string[] hosts = ["cdn.discordapp.com", "127.0.0.1"];
        bool Allowed(string url) => DiscordPlatformMedia.IsAllowed(url, hosts, out _);

        Allowed("https://cdn.discordapp.com/a/cat.png").ShouldBeTrue();
        Allowed("http://127.0.0.1/cat.png").ShouldBeTrue();
        Allowed("http://cdn.discordapp.com/a/cat.png").ShouldBeFalse();
        Allowed("https://evil.example/cat.png").ShouldBeFalse();
        Allowed("not a url").ShouldBeFalse();
    }
}
