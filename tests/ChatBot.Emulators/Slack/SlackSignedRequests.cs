using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Slack;

/// <summary>
/// Builds HTTP-mode requests exactly as Slack sends them (slash command form, interactivity
/// <c>payload=</c> form, Events API JSON), signed with v0 HMAC-SHA256 over the raw body.
/// </summary>
public static class SlackSignedRequests
{
    /// <summary><c>v0=hex(HMAC_SHA256(secret, "v0:{timestamp}:{body}"))</c>.</summary>
    public static string Sign(string signingSecret, long timestamp, string body)
    {
        var baseString = string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:{body}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes(baseString));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    public static HttpRequestMessage Create(Uri target, string signingSecret, long timestamp, string body, string contentType, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", signature ?? Sign(signingSecret, timestamp, body));
        return request;
    }

    /// <summary>Form-encodes a slash command payload (for example <see cref="SlackEmulator.SlashCommandJson"/>).</summary>
    public static string FormBody(JsonObject fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value?.ToString() ?? "")}"));

    public static HttpRequestMessage SlashCommand(Uri target, string signingSecret, long timestamp, JsonObject fields) =>
        Create(target, signingSecret, timestamp, FormBody(fields), "application/x-www-form-urlencoded");

    public static HttpRequestMessage Interactivity(Uri target, string signingSecret, long timestamp, JsonObject payload) =>
        Create(target, signingSecret, timestamp, "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    public static HttpRequestMessage Event(Uri target, string signingSecret, long timestamp, JsonObject body, int? retryNum = null)
    {
        var request = Create(target, signingSecret, timestamp, body.ToJsonString(), "application/json");
        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    public static JsonObject UrlVerification(string challenge) => new()
    {
        ["token"] = "verification-token-unused",
        ["challenge"] = challenge,
        ["type"] = "url_verification",
    };
}
