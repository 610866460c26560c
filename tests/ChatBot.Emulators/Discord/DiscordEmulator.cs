using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ChatBot.Emulators.Discord;

/// <summary>
/// A loopback Discord: REST API v10 under <c>/api/v10</c>, the gateway WebSocket under <c>/gateway</c>,
/// and a CDN under <c>/cdn</c>. Tests script guilds, members and events, and read back every REST call.
/// </summary>
public sealed partial class DiscordEmulator : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly List<DiscordRestCall> _calls = [];
    private readonly Dictionary<string, EmulatorChannel> _channels = [];
    private readonly Dictionary<string, JsonObject> _messages = [];
    private readonly Dictionary<string, EmulatorAttachment> _cdn = [];
    private readonly Dictionary<string, InteractionState> _interactions = [];
    private readonly Dictionary<string, JsonNode?> _commands = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId = 1_100_000_000_000_000_000;

    private DiscordEmulator(WebApplication app, DiscordEmulatorOptions options)
    {
        _app = app;
        Options = options;
    }

    public DiscordEmulatorOptions Options { get; }

    public DiscordEmulatorSigner Signer { get; } = new();

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The value for <c>Discord:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => new Uri(BaseAddress, "api/v10").ToString();

    public Uri GatewayUrl => new($"ws://{BaseAddress.Authority}/gateway");

    /// <summary>The host the CDN serves from (for <c>Discord:CdnHosts</c>).</summary>
    public string CdnHost => BaseAddress.Host;

    public string Token => Options.Token;

    /// <summary>The <c>Discord:*</c> settings that point a bot at this emulator.</summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["Discord:Token"] = Token,
        ["Discord:ApplicationId"] = ApplicationId,
        ["Discord:ApiBaseUrl"] = ApiBaseUrl,
        ["Discord:CdnHosts:0"] = CdnHost,
        ["Discord:PublicKey"] = Signer.PublicKeyHex,
    };

    public string ApplicationId => Options.ApplicationId;

    public IReadOnlyList<DiscordRestCall> RestCalls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The registered commands: key "global" or the guild id.</summary>
    public IReadOnlyDictionary<string, JsonNode?> RegisteredCommands
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, JsonNode?>(_commands);
            }
        }
    }

    public static async Task<DiscordEmulator> StartAsync(DiscordEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DiscordEmulatorOptions();
        var app = LoopbackApp.CreateBuilder().Build();
        var emulator = new DiscordEmulator(app, options);
        app.UseWebSockets();
        app.Run(emulator.HandleAsync);
        emulator.BaseAddress = await app.StartOnLoopbackAsync(cancellationToken);
        return emulator;
    }

    public async ValueTask DisposeAsync() => await _app.StopLoopbackAsync(LiveSessions().Select(s => s.Socket));

    /// <summary>Waits until <paramref name="condition"/> holds; re-checked whenever the emulator's state changes.</summary>
    public async Task WaitUntilAsync(Func<DiscordEmulator, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("The Discord emulator never reached the expected state.");
            }
        }
    }

    /// <summary>Waits for the first REST call that matches and returns it.</summary>
    public async Task<DiscordRestCall> WaitForCallAsync(Func<DiscordRestCall, bool> match, TimeSpan? timeout = null)
    {
        DiscordRestCall? found = null;
        await WaitUntilAsync(e => (found = e.RestCalls.FirstOrDefault(match)) is not null, timeout);
        return found!;
    }

    public EmulatorChannel CreateGuildChannel(string guildId, string name, bool nsfw = false)
    {
        var channel = new EmulatorChannel(NextId(), guildId, name, nsfw);
        lock (_gate)
        {
            _channels[channel.Id] = channel;
        }

        return channel;
    }

    public EmulatorChannel CreateDirectChannel(EmulatorMember member)
    {
        var channel = new EmulatorChannel(NextId(), null, member.UserName);
        lock (_gate)
        {
            _channels[channel.Id] = channel;
        }

        return channel;
    }

    public static EmulatorMember CreateMember(string userName, long permissions = 0, IReadOnlyList<string>? roles = null) =>
        new(Snowflake(userName), userName, permissions, roles);

    public string CreateGuildId() => NextId();

    /// <summary>Puts bytes on the CDN and returns the attachment.</summary>
    public EmulatorAttachment UploadToCdn(byte[] bytes, string fileName, string contentType)
    {
        var id = NextId();
        var attachment = new EmulatorAttachment(id, fileName, contentType, bytes, new Uri(BaseAddress, $"cdn/attachments/{id}/{fileName}"));
        lock (_gate)
        {
            _cdn[attachment.Url.AbsolutePath] = attachment;
        }

        return attachment;
    }

    public JsonObject? GetMessage(string messageId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(messageId, out var message) ? (JsonObject)message.DeepClone() : null;
        }
    }

    /// <summary>The message that answers an interaction (its @original), if one exists.</summary>
    public JsonObject? GetOriginal(EmulatorInteraction interaction)
    {
        lock (_gate)
        {
            return _interactions.TryGetValue(interaction.Token, out var state) && state.OriginalMessageId is { } id
                ? (JsonObject)_messages[id].DeepClone()
                : null;
        }
    }

    /// <summary>The interaction callback types sent for an interaction, in order.</summary>
    public IReadOnlyList<int> CallbackTypes(EmulatorInteraction interaction)
    {
        lock (_gate)
        {
            return _interactions.TryGetValue(interaction.Token, out var state) ? [.. state.Callbacks] : [];
        }
    }

    /// <summary>Deletes a message, as a moderator would; editing it then answers 404 (10008 Unknown Message).</summary>
    public void DeleteMessage(string messageId)
    {
        lock (_gate)
        {
            _messages.Remove(messageId);
        }

        Changed();
    }

    /// <summary>Makes an interaction token invalid, as Discord does after 15 minutes.</summary>
    public void ExpireToken(string token)
    {
        lock (_gate)
        {
            if (_interactions.TryGetValue(token, out var state))
            {
                state.Expired = true;
            }
        }
    }

    internal static string Snowflake(string seed) =>
        (1_000_000_000_000_000_000L + (long)(uint)StableHash(seed)).ToString(CultureInfo.InvariantCulture);

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private void Changed()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    private sealed class InteractionState(string id, string token, string channelId, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;
        public string Token { get; } = token;
        public string ChannelId { get; } = channelId;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public string? SourceMessageId { get; init; }
        public List<int> Callbacks { get; } = [];
        public string? OriginalMessageId { get; set; }
        public bool Expired { get; set; }
    }
}
