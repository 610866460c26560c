using System.Buffers.Text;

namespace ChatBot.Host.Playground.Access;

/// <summary>Compares and makes secrets (passwords, tokens) without leaking their length or content through timing.</summary>
internal static class Secrets
{
    public static bool Equal(string? given, string? expected)
    {
        if (given is null || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        // Hashing first gives both sides one length, so the comparison's time says nothing about the secret.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// <summary>A random URL-safe token of 256 bits.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
