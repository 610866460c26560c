using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Tenants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "chatbot-storage-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task AddSqliteStorage_HostStarts_ResolvesEveryContractOverOneMigratedFile()
    {
        var databasePath = Path.Combine(_root, "data", "bot.db");
        await using var provider = CreateServices(new()
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Storage:MediaPath"] = Path.Combine(_root, "media"),
        });

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        File.Exists(databasePath).ShouldBeTrue();
        Directory.Exists(Path.Combine(_root, "media")).ShouldBeTrue();
        provider.GetRequiredService<IJobStore>().ShouldNotBeNull();
        provider.GetRequiredService<ICreditLedger>().ShouldBeSameAs(provider.GetRequiredService<ICreditLedger>());
        provider.GetRequiredService<IEventDeduplicator>().ShouldNotBeNull();
        provider.GetRequiredService<IPlatformReplyStore>().ShouldNotBeNull();
        provider.GetRequiredService<IMediaStore>().ShouldNotBeNull();
        provider.GetRequiredService<ITenantSettingsStore>().ShouldNotBeNull();
        provider.GetRequiredService<TimeProvider>().ShouldBe(TimeProvider.System);
        var balance = await provider.GetRequiredService<ICreditLedger>().GetBalanceAsync(new("playground", "local", "alice"), CancellationToken.None);
        balance.Available.ShouldBe(new CreditOptions().DefaultDailyAllowance);
    }

    [Theory]
    [InlineData("DatabasePath", "")]
    [InlineData("MediaPath", " ")]
    [InlineData("MaxMediaBytes", "0")]
    public async Task AddSqliteStorage_InvalidSetting_FailsValidationNamingIt(string setting, string value)
    {
        await using var provider = CreateServices(new() { [$"Storage:{setting}"] = value });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        error.Message.ShouldContain(setting);
    }

    [Fact]
    public async Task AddSqliteStorage_JsonNullMediaLimit_MeansNoLimit()
    {
        var json = "{ \"Storage\": { \"DatabasePath\": \"x.db\", \"MaxMediaBytes\": null } }"u8.ToArray();
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(json)).Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSqliteStorage()
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        options.DatabasePath.ShouldBe("x.db");
        options.MaxMediaBytes.ShouldBeNull();
    }

    [Fact]
    public void StorageOptions_Defaults_MatchTheDocumentedPaths()
    {
        var options = new StorageOptions();

        options.DatabasePath.ShouldBe("data/chatbot.db");
        options.MediaPath.ShouldBe("data/media");
        options.MaxMediaBytes.ShouldBeNull();
    }

    private static ServiceProvider CreateServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSqliteStorage()
            .BuildServiceProvider();
    }
}
