namespace ChatBot.Slack.Http;

/// <summary>
/// Verifies Slack's request signature: <c>v0=hex(HMAC-SHA256(secret, "v0:{ts}:{raw body}"))</c>,
/// compared in constant time, with the timestamp at most 5 minutes from now (replays are refused).
/// </summary>
internal sealed class SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public SlackVerification Verify(string? timestamp, string? signature, ReadOnlySpan<byte> rawBody)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SlackVerification.NotConfigured;
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackVerification.MissingHeaders;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > Window.TotalSeconds)
        {
            return SlackVerification.Stale;
        }

        var expected = Encoding.ASCII.GetBytes(ComputeSignature(secret, timestamp, rawBody));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackVerification.Valid : SlackVerification.BadSignature;
    }

    public static string ComputeSignature(string secret, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var message = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return "v0=" + Convert.ToHexStringLower(mac);
    }
}
