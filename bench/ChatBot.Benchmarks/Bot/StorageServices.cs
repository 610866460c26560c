using ChatBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Benchmarks.Bot;

/// <summary>The real SQLite storage over a fresh file, without the rest of the host.</summary>
internal static class StorageServices
{
    public static ServiceProvider Create(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = Path.Combine(folder, "chatbot.db"),
                ["Storage:MediaPath"] = Path.Combine(folder, "media"),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSqliteStorage();
        return services.BuildServiceProvider();
    }
}
