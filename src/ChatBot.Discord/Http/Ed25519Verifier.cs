using NSec.Cryptography;

namespace ChatBot.Discord.Http;

/// <summary>Checks Discord's Ed25519 signature over <c>timestamp + body</c> with the application's public key.</summary>
internal sealed class Ed25519Verifier
{
    private const int KeyHexLength = 64;
    private const int SignatureHexLength = 128;
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey? _publicKey;

    public Ed25519Verifier(string? publicKeyHex)
    {
        if (publicKeyHex is { Length: KeyHexLength } && publicKeyHex.All(Uri.IsHexDigit))
        {
            // A malformed key (not a point on the curve) verifies nothing, like a missing one.
            PublicKey.TryImport(Algorithm, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey, out _publicKey);
        }
    }

    public bool Verify(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (_publicKey is null || string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: SignatureHexLength } || !signatureHex.All(Uri.IsHexDigit))
        {
            return false;
        }

        var prefixLength = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[prefixLength + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(prefixLength));
        return Algorithm.Verify(_publicKey, message, Convert.FromHexString(signatureHex));
    }
}
