using ChatBot.Core.Platform;

namespace ChatBot.Host.Regions;

/// <summary>Links to <c>{PublicBaseUrl}/region?t=…</c>, signed for the member who pressed Vary (Region) and that result.</summary>
internal sealed class RegionEditorLinks(RegionLinkSigner signer, IOptions<RegionEditorOptions> options, TimeProvider time) : IRegionEditorLinks
{
    public bool IsAvailable => options.Value.PublicBaseUrl is { IsAbsoluteUri: true };

    public TimeSpan Lifetime => options.Value.LinkLifetime;

    public Uri? Create(CommandRequest press)
    {
        ArgumentNullException.ThrowIfNull(press);
        if (options.Value.PublicBaseUrl is not { IsAbsoluteUri: true } baseUrl || press.SourceJobId is null)
        {
            return null;
        }

        var token = signer.Sign(RegionGrant.For(press, time.GetUtcNow() + Lifetime));
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, "region?t=" + token);
    }
}
