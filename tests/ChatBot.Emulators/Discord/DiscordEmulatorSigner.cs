using System.Text;
using NSec.Cryptography;

namespace ChatBot.Emulators.Discord;

/// <summary>The application's Ed25519 key pair, used to sign HTTP interaction requests as Discord does.</summary>
public sealed class DiscordEmulatorSigner
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _privateKey = Key.Create(Algorithm);

    public DiscordEmulatorSigner()
    {
        PublicKeyHex = Convert.ToHexStringLower(_privateKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The value an admin pastes into <c>Discord:PublicKey</c>.</summary>
    public string PublicKeyHex { get; }

    /// <summary>Hex signature over <c>timestamp + body</c>.</summary>
    public string Sign(string timestamp, string body) =>
        Convert.ToHexStringLower(Algorithm.Sign(_privateKey, Encoding.UTF8.GetBytes(timestamp + body)));
}
