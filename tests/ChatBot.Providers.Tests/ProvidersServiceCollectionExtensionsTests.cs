using ChatBot.Providers.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Providers.Tests;

public sealed class ProvidersServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMediaProviders_CalledTwice_RegistersEachProviderOnce()
    {
        using var provider = CreateServices([]);

        var providers = provider.GetServices<IMediaProvider>().Select(p => p.Name).ToList();

        providers.ShouldBe(["local", "aetherwave", "blackwave", "aetherforge", "imagestudio"], ignoreOrder: true);
    }

    [Fact]
    public void AddMediaProviders_RemoteProvidersWithoutKeys_AreListedButUnavailable()
    {
        using var provider = CreateServices([]);

        provider.GetServices<IMediaProvider>().Where(p => p.Name != "local").ShouldAllBe(p => !p.IsAvailable);
    }

    [Fact]
    public void AddMediaProviders_BindsLocalOptionsFromConfiguration()
    {
        using var provider = CreateServices(new()
        {
            ["Providers:Local:FfmpegPath"] = "/opt/ffmpeg/bin/ffmpeg",
            ["Providers:Local:PassDelay"] = "00:00:00",
        });

        var options = provider.GetRequiredService<IOptions<LocalProviderOptions>>().Value;

        options.FfmpegPath.ShouldBe("/opt/ffmpeg/bin/ffmpeg");
        options.PassDelay.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void AddMediaProviders_Defaults_MatchTheDocumentedValues()
    {
        using var provider = CreateServices([]);

        var options = provider.GetRequiredService<IOptions<LocalProviderOptions>>().Value;

        options.FfmpegPath.ShouldBe("ffmpeg");
        options.PassDelay.ShouldBe(TimeSpan.FromSeconds(0.4));
        options.ImagePixels.ShouldBe(1024 * 1024);
    }

    [Fact]
    public void AddMediaProviders_InvalidPassDelay_FailsValidationNamingTheSetting()
    {
        using var provider = CreateServices(new() { ["Providers:Local:PassDelay"] = "00:10:00" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LocalProviderOptions>>().Value);

        error.Message.ShouldContain("PassDelay");
    }

    private static ServiceProvider CreateServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddMediaProviders();
        services.AddMediaProviders();
        return services.BuildServiceProvider();
    }
}
