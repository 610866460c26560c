using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ChatBot.Discord.Interactions;

/// <summary>Checks Discord's Ed25519 signature over <c>timestamp + body</c> with the application's public key.</summary>
internal sealed class Ed25519Verifier
{
    private readonly Ed25519PublicKeyParameters? _publicKey;

    public Ed25519Verifier(string? publicKeyHex)
    {
        if (publicKeyHex is { Length: 64 } && publicKeyHex.All(Uri.IsHexDigit))
        {
            _publicKey = new Ed25519PublicKeyParameters(Convert.FromHexString(publicKeyHex), 0);
        }
    }

    public bool Verify(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (_publicKey is null || string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: 128 } || !signatureHex.All(Uri.IsHexDigit))
        {
            return false;
        }

        var signature = Convert.FromHexString(signatureHex);
        var prefix = Encoding.UTF8.GetBytes(timestamp);
        var signer = new Ed25519Signer();
        signer.Init(false, _publicKey);
        signer.BlockUpdate(prefix, 0, prefix.Length);
        var bytes = body.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.VerifySignature(signature);
    }
}
