namespace ChatBot.Host.Operations;

/// <summary>
/// Once the host begins to stop, commands are no longer taken: the Playground API answers 503 so a
/// caller retries later instead of starting a job the engine would have to persist half-done.
/// </summary>
internal sealed class ShutdownGate(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested
            && HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            return context.Response.WriteAsJsonAsync(new { error = "The bot is restarting; try again in a moment." }, context.RequestAborted);
        }

        return next(context);
    }
}
