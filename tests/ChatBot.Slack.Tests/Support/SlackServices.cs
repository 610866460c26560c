using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Slack.Tests.Support;

/// <summary>The Slack adapter's services (no hosted services started) against an emulator, with a chosen clock.</summary>
public static class SlackServices
{
    public static ServiceProvider Create(SlackEmulator emulator, TimeProvider time, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = emulator.BotToken,
            ["Slack:AppToken"] = emulator.AppToken,
            ["Slack:ApiBaseUrl"] = emulator.ApiBaseUrl,
            ["Slack:FileHosts:0"] = emulator.FileHost,
        };
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(time);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSlack();
        services.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>();
        return services.BuildServiceProvider();
    }
}
