namespace ChatBot.Providers.Http;

/// <summary>Pulls a short, printable message out of a provider's error body (<c>error</c>, <c>message</c> or <c>detail</c>).</summary>
internal static class ProviderErrorText
{
    public static async Task<(string? Code, string? Message)> ReadAsync(HttpResponseMessage response, string? secret, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }

        return Parse(text, secret);
    }

    public static (string? Code, string? Message) Parse(string text, string? secret)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = doc.RootElement;
            var error = Str(root, "error");
            var message = Str(root, "message") ?? Str(root, "detail");
            return message is null ? (null, Clean(error, secret)) : (error, Clean(message, secret));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>Keeps provider text safe to show: printable, short, never containing the key.</summary>
    public static string? Clean(string? text, string? secret)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(secret))
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        var builder = new StringBuilder(Math.Min(text.Length, 300));
        foreach (var c in text.Where(c => !char.IsControl(c)).Take(300))
        {
            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
