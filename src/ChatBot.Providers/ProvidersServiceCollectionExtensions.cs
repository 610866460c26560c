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
        services.TryAddSingleton<IImageGrid, SkiaImageGrid>(); // several images are shown as one numbered grid

        // The remote providers (sections Providers:AetherWave, ImageStudio, Blackwave, AetherForge).
        services.AddRemoteProviders();

        return services;
    }
}
