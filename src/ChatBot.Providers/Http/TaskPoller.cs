namespace ChatBot.Providers.Http;

/// <summary>
/// Polls a provider's status endpoint on the injected clock until the task ends or its deadline passes.
/// A poll that keeps failing after the pipeline's retries ends the task with a clear failure, never a hang.
/// </summary>
internal static class TaskPoller
{
    public static async IAsyncEnumerable<ProviderUpdate> PollAsync(
        ProviderHttp http,
        string statusPath,
        Func<HttpResponseMessage, CancellationToken, Task<ProviderUpdate>> interpret,
        DateTimeOffset deadline,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ProviderUpdate? previous = null;
        while (true)
        {
            if (http.Time.GetUtcNow() > deadline)
            {
                yield return new ProviderUpdate.Failed("provider_timeout", $"{http.DisplayName} did not finish the job in time, so the bot stopped waiting.");
                yield break;
            }

            ProviderUpdate update;
            try
            {
                using var response = await http.GetAsync(statusPath, cancellationToken).ConfigureAwait(false);
                update = await interpret(response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var p = http.Translate(e, submitting: false);
                update = new ProviderUpdate.Failed(p.Code, p.Message, p.Retryable);
            }

            if (update is ProviderUpdate.Succeeded or ProviderUpdate.Failed)
            {
                yield return update;
                yield break;
            }

            if (update != previous)
            {
                yield return update;
                previous = update;
            }

            await http.PauseAsync(http.Options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Maps a non-success status answer onto a failure; null when the answer is a success.</summary>
    public static async Task<ProviderUpdate.Failed?> StatusFailureAsync(ProviderHttp http, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var (_, message) = await ProviderErrorText.ReadAsync(response, http.ApiKey, cancellationToken).ConfigureAwait(false);
        return (int)response.StatusCode switch
        {
            401 or 403 => new ProviderUpdate.Failed("provider_auth", http.Unauthorized().Message),
            404 => new ProviderUpdate.Failed("task_lost", $"{http.DisplayName} no longer knows this job."),
            429 => new ProviderUpdate.Failed("rate_limited", $"{http.DisplayName} is rate-limiting the bot; try again in a minute.", Retryable: true),
            >= 500 => new ProviderUpdate.Failed("provider_error", $"{http.DisplayName} had an internal error while checking the job.", Retryable: true),
            _ => new ProviderUpdate.Failed("provider_error", message ?? $"{http.DisplayName} answered HTTP {(int)response.StatusCode} while checking the job."),
        };
    }
}
