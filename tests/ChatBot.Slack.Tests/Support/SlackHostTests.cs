namespace ChatBot.Slack.Tests.Support;

/// <summary>
/// A test class over one <see cref="SlackHost"/> per test: started (and, in Socket Mode, connected) before each
/// test, stopped after it. <c>UADMIN</c> is a configured admin.
/// </summary>
public abstract class SlackHostTests(SlackMode mode) : IAsyncLifetime
{
    private SlackHost? _host;

    protected SlackHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    protected SlackEmulator Emulator => Host.Emulator;

    protected RecordingDispatcher Dispatcher => Host.Dispatcher;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(mode, s => s["Slack:AdminUserIds:0"] = "UADMIN");
        if (mode == SlackMode.Socket)
        {
            await Emulator.WaitUntilAsync(() => Emulator.Envelopes.Count == 0 && Emulator.OpenConnections().Count == 1, what: "a connection");
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    protected Task WaitForResponseAsync(int count = 1) =>
        Emulator.WaitUntilAsync(() => Emulator.ResponseUrlPosts.Count >= count, what: "an ephemeral answer");

    /// <summary>The text of the only ephemeral answer sent through a response_url.</summary>
    protected string ResponseText() => Emulator.ResponseUrlPosts.Single().Body["text"]!.GetValue<string>();

    /// <summary>A modal submission for the only modal opened, with <paramref name="prompt"/> typed into the Edit… prompt.</summary>
    protected Task SubmitEditModalAsync(string user, string prompt) =>
        Emulator.SendInteractiveAsync(Emulator.ViewSubmission(user, Emulator.Views.Single(), new Dictionary<string, (string, string)> { ["prompt"] = ("prompt", prompt) }));
}
