namespace ChatBot.Providers;

/// <summary>
/// The remote providers: their <see cref="Core.Providers.IMediaProvider.Name"/> (as config/models.json names them),
/// their configuration section under <c>Providers:</c>, and the API root their documents name.
/// </summary>
internal static class ProviderNames
{
    public const string AetherWave = "aetherwave";
    public const string ImageStudio = "imagestudio";
    public const string Blackwave = "blackwave";
    public const string AetherForge = "aetherforge";

    public const string AetherWaveSection = "AetherWave";
    public const string ImageStudioSection = "ImageStudio";
    public const string BlackwaveSection = "Blackwave";
    public const string AetherForgeSection = "AetherForge";

    internal static readonly Uri AetherWaveDefaultUrl = new("https://aetherwavestudio.com/");
    internal static readonly Uri ImageStudioDefaultUrl = new("https://api.alwrity.com/");
    internal static readonly Uri BlackwaveDefaultUrl = new("https://blackwave.studio/");
    internal static readonly Uri AetherForgeDefaultUrl = new("https://api.aetherforgeai.com/");
}
