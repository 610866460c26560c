using ChatBot.Core;
using ChatBot.Core.Media;
using ChatBot.Providers.Imaging;
using ChatBot.Providers.Local;
using ChatBot.Providers.Local.Video;

namespace ChatBot.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Registers every media provider as an <see cref="IMediaProvider"/>, with its options
    /// (the offline "local" provider reads section <c>Providers:Local</c>; the remote ones
    /// <c>Providers:AetherWave</c>, <c>Providers:ImageStudio</c>, <c>Providers:Blackwave</c>, <c>Providers:AetherForge</c>).
    /// </summary>
    public static IServiceCollection AddMediaProviders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        services.AddValidatedOptions<LocalProviderOptions>(LocalProviderOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMediaProvider, LocalProvider>());
        services.TryAddSingleton<IVideoFrames, FfmpegVideoFrames>(); // /video --mode extend reads the last frame with ffmpeg
        services.AddResultGrid();

        // The remote providers (sections Providers:AetherWave, ImageStudio, Blackwave, AetherForge).
        services.AddRemoteProviders();

        return services;
    }

    /// <summary>
    /// Registers the <see cref="IImageGrid"/> (SkiaSharp) that shows several result images as one numbered grid; part of
    /// <see cref="AddMediaProviders"/>, and callable alone by a host that brings its own providers.
    /// </summary>
    public static IServiceCollection AddResultGrid(this IServiceCollection services)
    {
        services.TryAddSingleton<IImageGrid, SkiaImageGrid>();
        return services;
    }
}
