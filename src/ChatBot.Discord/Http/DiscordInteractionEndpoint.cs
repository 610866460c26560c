using ChatBot.Discord.Inbound;

namespace ChatBot.Discord.Http;

/// <summary>
/// <c>POST /discord/interactions</c> (HTTP interactions mode): verifies the Ed25519 signature and the
/// timestamp, answers PING, and hands everything else to the same handlers as the gateway (202; the
/// handlers answer through the callback endpoint).
/// </summary>
internal sealed partial class DiscordInteractionEndpoint(
    IOptions<DiscordOptions> options,
    DiscordEventQueue queue,
    TimeProvider time,
    ILogger<DiscordInteractionEndpoint> logger)
{
    public const string Path = "/discord/interactions";
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);
    private Ed25519Verifier? _verifier;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || settings.Mode != DiscordMode.Http)
        {
            return Results.NotFound();
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
        }

        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        _verifier ??= new Ed25519Verifier(settings.PublicKey);
        if (!_verifier.Verify(timestamp, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), signature) || !IsFresh(timestamp))
        {
            Log.Refused(logger);
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        JsonElement interaction;
        try
        {
            buffer.Position = 0;
            using var document = await JsonDocument.ParseAsync(buffer, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            interaction = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (interaction.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == 1)
        {
            return Results.Json(new { type = 1 });
        }

        await queue.PublishAsync(DiscordEventQueue.InteractionCreate, interaction, context.RequestAborted).ConfigureAwait(false);
        return Results.Accepted();
    }

    /// <summary>Discord sends epoch seconds; anything else (milliseconds, out of range, not a number) is refused, never a 500.</summary>
    private bool IsFresh(string timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) <= (long)MaxSkew.TotalSeconds;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4701, Level = LogLevel.Warning, Message = "Refused a Discord interaction request with a bad or stale signature")]
        public static partial void Refused(ILogger logger);
    }
}
