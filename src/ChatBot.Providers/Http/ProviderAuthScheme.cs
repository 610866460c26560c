namespace ChatBot.Providers.Http;

/// <summary>Where a provider wants its key.</summary>
internal enum ProviderAuthScheme
{
    /// <summary>The key travels in the request body (Blackwave's <c>token</c>): no header.</summary>
    None,

    /// <summary><c>X-AW-Key: key</c> (AetherWave).</summary>
    AetherWaveKeyHeader,

    /// <summary><c>Authorization: Bearer key</c> (ALwrity Image Studio, AetherForge).</summary>
    Bearer,
}
