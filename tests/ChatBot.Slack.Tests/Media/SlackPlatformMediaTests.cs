using ChatBot.Core.Platform;
using ChatBot.Slack.Media;

namespace ChatBot.Slack.Tests.Media;

public sealed class SlackPlatformMediaTests : IAsyncLifetime
{
    private SlackEmulator _emulator = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _emulator = await SlackEmulator.StartAsync();
        _services = SlackServices.Create(_emulator, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private IPlatformMedia CreateSut() => _services.GetServices<IPlatformMedia>().Single(p => p.Platform == "slack");

    [Fact]
    public async Task OpenAsync_UrlPrivateOnAllowedHost_DownloadsWithBotToken()
    {
        var png = TestImages.Png();
        var (_, file) = _emulator.ShareUserFile("C1", "U1", png, "cat.png", "image/png");

        await using var stream = await CreateSut().OpenAsync(new MediaRef(_emulator.UrlPrivate(file.Id), "cat.png", "image/png", png.Length, RequiresBotToken: true), CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        copy.ToArray().ShouldBe(png);
        _emulator.Downloads.ShouldBe([file.Id + ":authorized"]);
    }

    [Theory]
    [InlineData("https://evil.example.com/files-pri/T-F1/cat.png")]
    [InlineData("http://files.slack.com/files-pri/T-F1/cat.png")]
    [InlineData("https://files.slack.com.evil.example/cat.png")]
    [InlineData("file:///etc/passwd")]
    public async Task OpenAsync_HostOutsideAllowlist_RefusedWithoutRequest(string url)
    {
        await Should.ThrowAsync<MediaRejectedException>(() => CreateSut().OpenAsync(new MediaRef(url, "cat.png", RequiresBotToken: true), CancellationToken.None));

        _emulator.Downloads.ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenAsync_SlackAnswersSignInPage_Refused()
    {
        var (_, file) = _emulator.ShareUserFile("C1", "U1", TestImages.Png(), "cat.png", "image/png");
        await using var services = SlackServices.Create(_emulator, TimeProvider.System, s => s["Slack:BotToken"] = "xoxb-revoked");
        var sut = services.GetServices<IPlatformMedia>().Single();

        var ex = await Should.ThrowAsync<MediaRejectedException>(() => sut.OpenAsync(new MediaRef(_emulator.UrlPrivate(file.Id), "cat.png", RequiresBotToken: true), CancellationToken.None));

        ex.Message.ShouldContain("files:read");
        ex.Message.ShouldNotContain("xoxb");
        _emulator.Downloads.ShouldBe([file.Id + ":refused"]);
    }

    [Theory]
    [InlineData("https://files.slack.com/files-pri/T1-F1/a.png", true)]
    [InlineData("https://FILES.slack.com/x", true)]
    [InlineData("https://files.slack.com:8443/x", false)]
    [InlineData("https://slack.com/x", false)]
    public void IsAllowed_DefaultHosts_OnlyHttpsFilesSlackCom(string url, bool allowed)
    {
        SlackPlatformMedia.IsAllowed(new Uri(url), new SlackOptions().FileHosts).ShouldBe(allowed);
    }
}
