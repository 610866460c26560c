using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Slack.Tests.Support;

/// <summary>The Slack adapter's services (no hosted services started) against an emulator, with a chosen clock.</summary>
public static class SlackServices
{
    /// <summary>The settings that point the adapter at <paramref name="emulator"/> (both tokens; no signing secret).</summary>
    public static Dictionary<string, string?> Settings(SlackEmulator emulator) => new()
    {
        ["Slack:BotToken"] = emulator.BotToken,
        ["Slack:AppToken"] = emulator.AppToken,
        ["Slack:ApiBaseUrl"] = emulator.ApiBaseUrl,
        ["Slack:FileHosts:0"] = emulator.FileHost,
    };

    public static ServiceProvider Create(SlackEmulator emulator, TimeProvider time, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = Settings(emulator);
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSlack();
        services.RemoveAll<IHostedService>();
        return services.BuildServiceProvider();
    }
}
