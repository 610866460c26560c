using System.Net;
using ChatBot.Discord.Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatBot.Discord.Tests.TestSupport;

/// <summary>The Discord adapter in a small web host, pointed at a <see cref="DiscordEmulator"/> by configuration alone.</summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    private bool _ownsEmulator = true;

    public WebApplication App { get; private init; } = null!;
    public DiscordEmulator Emulator { get; private init; } = null!;
    public RecordingDispatcher Dispatcher { get; private init; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => App.Services;

    public EmulatorMember Member { get; } = DiscordEmulator.CreateMember("ada");
    public string GuildId { get; private set; } = "";
    public EmulatorChannel Channel { get; private set; } = null!;

    internal Task GatewayStopped => Services.GetRequiredService<DiscordGatewayService>().Stopped;

    public static async Task<DiscordTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null,
        TimeProvider? time = null,
        DiscordEmulatorOptions? emulatorOptions = null,
        bool waitForReady = true,
        Action<DiscordEmulator>? configureEmulator = null,
        DiscordEmulator? sharedEmulator = null)
    {
        if (time is not null && sharedEmulator is null)
        {
            // One clock for both sides: the emulator's identify window and token lifetimes run on the bot's time.
            emulatorOptions ??= new DiscordEmulatorOptions();
            if (emulatorOptions.TimeProvider == TimeProvider.System)
            {
                emulatorOptions.TimeProvider = time;
            }
        }

        var emulator = sharedEmulator ?? await DiscordEmulator.StartAsync(emulatorOptions);
        var ownsEmulator = sharedEmulator is null;
        configureEmulator?.Invoke(emulator);
        var settings = emulator.BotSettings();
        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var dispatcher = new RecordingDispatcher();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton<ICommandDispatcher>(dispatcher);
        builder.Services.AddSingleton<IEventDeduplicator, InMemoryDeduplicator>();
        builder.Services.AddSingleton(new ModelCatalog(
        [
            new ModelDefinition { Id = "local-sketch", Provider = "local", DisplayName = "Local sketch", Operations = [MediaOperation.Imagine, MediaOperation.Vary] },
            new ModelDefinition { Id = "sky-pro", Provider = "aetherwave", DisplayName = "Sky Pro", Operations = [MediaOperation.Imagine] },
            new ModelDefinition { Id = "local-upscale", Provider = "local", DisplayName = "Local resample", Operations = [MediaOperation.Upscale] },
        ]));
        builder.Services.AddDiscord();
        var app = builder.Build();
        dispatcher.Replies = app.Services.GetRequiredService<IChatReplies>();
        app.MapDiscord();
        await app.StartAsync();

        var host = new DiscordTestHost { App = app, Emulator = emulator, Dispatcher = dispatcher, _ownsEmulator = ownsEmulator };
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        host.GuildId = emulator.CreateGuildId();
        host.Channel = emulator.CreateGuildChannel(host.GuildId, "art");
        if (waitForReady)
        {
            await emulator.WaitUntilAsync(e => e.IsConnected);
        }

        return host;
    }

    /// <summary>Posts a bot result (one image, U1/V1 buttons) as the bot would, and returns its message id.</summary>
    internal async Task<string> PostBotResultAsync(string jobId)
    {
        var rest = Services.GetRequiredService<DiscordRestClient>();
        var payload = new MessagePayload
        {
            Components =
            [
                new Component(Component.ActionRowType)
                {
                    Components =
                    [
                        new Component(Component.ButtonType) { Style = 2, Label = "U1", CustomId = ButtonId.Encode(ButtonAction.Upscale, jobId, 0) },
                        new Component(Component.ButtonType) { Style = 2, Label = "V1", CustomId = ButtonId.Encode(ButtonAction.Vary, jobId, 0) },
                    ],
                },
            ],
            Attachments = [new AttachmentRef("0", $"{jobId}-1.png")],
        };
        var message = await rest.CreateChannelMessageAsync(Channel.Id, payload, [new OutgoingFile($"{jobId}-1.png", "image/png", TestMedia.Png())], CancellationToken.None);
        return message.Id;
    }

    /// <summary>The member posts a message with a PNG attached (in the test channel unless told), as a member would.</summary>
    public async Task<(EmulatorAttachment Photo, string MessageId)> PostMemberPhotoAsync(string text, EmulatorChannel? channel = null)
    {
        var photo = Emulator.UploadToCdn(TestMedia.Png(), "photo.png", "image/png");
        var messageId = await Emulator.PostUserMessageAsync(channel ?? Channel, Member, text, photo);
        return (photo, messageId);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }
    }
}
