using ChatBot.Core;
using ChatBot.Core.Platform;
using ChatBot.Host.Playground;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Host.Regions;

public static class RegionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Vary (Region) editor (section <c>RegionEditor</c>): the link signer, <see cref="IRegionEditorLinks"/>
    /// (links point at <c>Playground:PublicBaseUrl</c>) and the mask checks the Playground shares.
    /// </summary>
    public static IServiceCollection AddRegionEditor(this IServiceCollection services)
    {
        services.AddValidatedOptions<RegionEditorOptions>(RegionEditorOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.PublicBaseUrl ??= Uri.TryCreate(configuration[$"{PlaygroundOptions.Section}:{nameof(PlaygroundOptions.PublicBaseUrl)}"], UriKind.Absolute, out var url) ? url : null);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RegionLinkSigner>();
        services.AddSingleton<RegionMasks>();
        services.AddSingleton<IRegionEditorLinks, RegionEditorLinks>();
        return services;
    }
}
