namespace ChatBot.Providers.Blackwave;

/// <summary>Reads one of Blackwave's streamed status lines as a <see cref="ProviderUpdate"/>.</summary>
internal static class BlackwaveStatus
{
    public static ProviderUpdate ToUpdate(ProviderHttp http, BlackwaveWire.StatusLine line, MediaRequest request)
    {
        if (line.Error is { } code)
        {
            return BlackwaveErrors.ToFailure(code);
        }

        switch (line.Status?.ToUpperInvariant())
        {
            case "WAITING":
                return new ProviderUpdate.Queued(Math.Max(0, line.QueuePosition ?? 0), line.QueueTotal);
            case "RUNNING":
                return new ProviderUpdate.Running(null, line.Progress ?? "Generating…");
            case "SUCCESS":
                try
                {
                    return new ProviderUpdate.Succeeded([http.Results.RemoteOutput(line.ImageUrl, $"{request.JobId}-1")], line.CreditsUsed);
                }
                catch (ProviderException e)
                {
                    return new ProviderUpdate.Failed(e.Code, e.Message);
                }

            case "FAILED" or "ERROR":
                return BlackwaveErrors.ToFailure("generation_failed");
            default:
                return new ProviderUpdate.Running(null, "Generating…");
        }
    }
}
