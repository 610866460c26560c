using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace ChatBot.Emulators.Discord;

/// <summary>The application's Ed25519 key pair, used to sign HTTP interaction requests as Discord does.</summary>
public sealed class DiscordEmulatorSigner
{
    private readonly Ed25519PrivateKeyParameters _privateKey;

    public DiscordEmulatorSigner()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _privateKey = (Ed25519PrivateKeyParameters)pair.Private;
        PublicKeyHex = Convert.ToHexStringLower(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
    }

    /// <summary>The value an admin pastes into <c>Discord:PublicKey</c>.</summary>
    public string PublicKeyHex { get; }

    /// <summary>Hex signature over <c>timestamp + body</c>.</summary>
    public string Sign(string timestamp, string body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp + body);
        var signer = new Ed25519Signer();
        signer.Init(true, _privateKey);
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }
}
