using ChatBot.Core;
using ChatBot.Providers.AetherForge;
using ChatBot.Providers.AetherWave;
using ChatBot.Providers.Blackwave;
using ChatBot.Providers.ImageStudio;

namespace ChatBot.Providers;

/// <summary>Registers the remote providers' options, HTTP clients, resilience and adapters.</summary>
internal static class RemoteProvidersRegistration
{
    public static IServiceCollection AddRemoteProviders(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AetherWaveProvider)))
        {
            return services; // already registered: AddMediaProviders may be called more than once
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddProviderPlumbing(ProviderNames.AetherWave, ProviderNames.AetherWaveSection, "AetherWave", ProviderNames.AetherWaveDefaultUrl, ["media.aetherwavestudio.com"], ProviderAuthScheme.AetherWaveKeyHeader);
        services.AddProviderPlumbing(ProviderNames.ImageStudio, ProviderNames.ImageStudioSection, "ALwrity Image Studio", ProviderNames.ImageStudioDefaultUrl, [], ProviderAuthScheme.Bearer);
        services.AddProviderPlumbing(ProviderNames.Blackwave, ProviderNames.BlackwaveSection, "Blackwave", ProviderNames.BlackwaveDefaultUrl, [], ProviderAuthScheme.None);
        services.AddProviderPlumbing(ProviderNames.AetherForge, ProviderNames.AetherForgeSection, "AetherForge", ProviderNames.AetherForgeDefaultUrl, [], ProviderAuthScheme.Bearer);
        services.AddRemote<AetherWaveProvider>(ProviderNames.AetherWave);
        services.AddRemote<BlackwaveProvider>(ProviderNames.Blackwave);
        services.AddRemote<AetherForgeProvider>(ProviderNames.AetherForge);
        services.AddRemote<ImageStudioProvider>(ProviderNames.ImageStudio);
        services.AddHostedService<ImageStudioHealthProbe>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AetherWavePricing>(sp, sp.GetRequiredKeyedService<ProviderHttp>(ProviderNames.AetherWave)));
        services.AddHostedService<AetherWavePricingRefresh>();
        return services;
    }

    /// <summary>The provider, built with the <see cref="ProviderHttp"/> registered under its name.</summary>
    private static void AddRemote<T>(this IServiceCollection services, string name)
        where T : class, IMediaProvider
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<T>(sp, sp.GetRequiredKeyedService<ProviderHttp>(name)));
        services.AddSingleton<IMediaProvider>(sp => sp.GetRequiredService<T>());
    }

    private static void AddProviderPlumbing(this IServiceCollection services, string name, string section, string displayName, Uri defaultUrl, string[] defaultMediaHosts, ProviderAuthScheme scheme)
    {
        services.AddValidatedOptions<ProviderOptions>("Providers:" + section, section)
            .PostConfigure(o =>
            {
                o.BaseUrl ??= defaultUrl;
                if (o.BaseUrl == defaultUrl)
                {
                    foreach (var host in defaultMediaHosts.Where(h => !o.MediaHosts.Contains(h, StringComparer.OrdinalIgnoreCase)))
                    {
                        o.MediaHosts.Add(host);
                    }
                }
            });

        services.AddHttpClient(ProviderHttp.ClientName(section), (sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ProviderOptions>>().Get(section).BaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times each attempt
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect could lead a download off the allowlist; the provider's own links must be direct.
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(sp => new ProviderAuthHandler(sp.GetRequiredService<IOptionsMonitor<ProviderOptions>>(), section, scheme))
            .RedactLoggedHeaders(_ => true); // X-AW-Key and Authorization never reach a log

        services.AddKeyedSingleton(name, (sp, _) => new ProviderHttp(
            name,
            section,
            displayName,
            sp.GetRequiredService<IOptionsMonitor<ProviderOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ProviderHttp>>()));
    }
}
