using System.Buffers.Text;

namespace ChatBot.Host.Regions;

/// <summary>
/// Signs and checks region-editor tokens: <c>base64url(grant JSON) . base64url(HMAC-SHA256(key, first part))</c>. The
/// signature is compared in constant time; a token is refused when changed, made with another key, or expired.
/// </summary>
internal sealed class RegionLinkSigner(IOptions<RegionEditorOptions> options, TimeProvider time)
{
    private readonly byte[] _key = options.Value.Secret is { Length: > 0 } secret
        ? Encoding.UTF8.GetBytes(secret)
        : RandomNumberGenerator.GetBytes(32);

    public string Sign(RegionGrant grant)
    {
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(grant));
        return payload + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>The grant, or why the token is refused (in words for the member).</summary>
    public (RegionGrant? Grant, RegionRefusal? Refusal) Read(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 4096)
        {
            return (null, RegionRefusal.Forged);
        }

        var payload = token[..dot];
        byte[] signature;
        RegionGrant? grant;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(signature, Mac(payload)))
            {
                return (null, RegionRefusal.Forged);
            }

            grant = JsonSerializer.Deserialize<RegionGrant>(Base64Url.DecodeFromChars(payload));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return (null, RegionRefusal.Forged);
        }

        if (grant is null || grant.JobId.Length == 0)
        {
            return (null, RegionRefusal.Forged);
        }

        return time.GetUtcNow().ToUnixTimeSeconds() >= grant.ExpiresAtUnixSeconds ? (null, RegionRefusal.Expired) : (grant, null);
    }

    private byte[] Mac(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));
}
