using System.Diagnostics.Metrics;

namespace ChatBot.Core.Metrics;

/// <summary>
/// The bot's own series, on a BCL <see cref="Meter"/> named <see cref="MeterName"/>: Core records them and the Host
/// exports them (<c>/metrics</c>, Prometheus text), so Core depends on no exporter. Every series is named
/// <c>chatbot_…</c>; labels are small closed sets (kinds, states, models, providers, platforms), never user text.
/// </summary>
public sealed class ChatBotMetrics
{
    /// <summary>The meter's name, for the exporter to listen to.</summary>
    public const string MeterName = "ChatBot";

    private static readonly double[] SecondsBuckets = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

    private readonly Counter<long> _commands;
    private readonly Counter<long> _jobs;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _reserved;
    private readonly Counter<long> _charged;
    private readonly Counter<long> _refunded;
    private readonly Counter<long> _providerErrors;
    private readonly Counter<long> _platformCalls;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _ackLatency;
    private readonly Counter<long> _replyEdits;

    public ChatBotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _commands = meter.CreateCounter<long>("chatbot_commands", description: "Commands by kind and outcome (accepted, info, refused, error).");
        _jobs = meter.CreateCounter<long>("chatbot_jobs", description: "Jobs entering a state (queued, succeeded, failed, cancelled, refunded), by model and provider.");
        _jobDuration = meter.CreateHistogram<double>("chatbot_job_duration", "s", "From submission to the job's end.", advice: Seconds());
        _queueWait = meter.CreateHistogram<double>("chatbot_queue_wait", "s", "From acceptance to submission.", advice: Seconds());
        _reserved = meter.CreateCounter<long>("chatbot_credits_reserved", description: "Credits reserved by accepted jobs.");
        _charged = meter.CreateCounter<long>("chatbot_credits_charged", description: "Credits charged for delivered results.");
        _refunded = meter.CreateCounter<long>("chatbot_credits_refunded", description: "Credits returned (failed, cancelled, or charged below the quote).");
        _providerErrors = meter.CreateCounter<long>("chatbot_provider_errors", description: "Provider errors by provider and kind.");
        _platformCalls = meter.CreateCounter<long>("chatbot_platform_calls", description: "Calls to a platform's API, by platform and status code.");
        _rateLimited = meter.CreateCounter<long>("chatbot_platform_rate_limited", description: "429 answers from a platform.");
        _ackLatency = meter.CreateHistogram<double>("chatbot_ack_latency", "s", "From an interaction's arrival to its acknowledgement.", advice: Seconds());
        _replyEdits = meter.CreateCounter<long>("chatbot_reply_edits", description: "Reply edits and result posts sent to a platform.");
    }

    public void Command(CommandKind kind, string outcome) =>
        _commands.Add(1, new("kind", kind.ToString().ToLowerInvariant()), new("outcome", outcome));

    /// <summary>A job entered <paramref name="state"/>.</summary>
    public void Job(JobState state, string model, string provider) =>
        _jobs.Add(1, new("state", state.ToString().ToLowerInvariant()), new("model", model), new("provider", provider));

    public void JobDuration(TimeSpan duration, string model, string provider, JobState state) =>
        _jobDuration.Record(duration.TotalSeconds, new("model", model), new("provider", provider), new("state", state.ToString().ToLowerInvariant()));

    public void QueueWait(TimeSpan wait, string model) => _queueWait.Record(Math.Max(0, wait.TotalSeconds), new KeyValuePair<string, object?>("model", model));

    public void CreditsReserved(long amount) => Add(_reserved, amount);

    public void CreditsCharged(long amount) => Add(_charged, amount);

    public void CreditsRefunded(long amount) => Add(_refunded, amount);

    public void ProviderError(string provider, string kind) =>
        _providerErrors.Add(1, new("provider", provider), new("kind", kind));

    /// <summary>One call to a platform's API and its HTTP status; a 429 also counts in <c>chatbot_platform_rate_limited</c>.</summary>
    public void PlatformCall(string platform, int status)
    {
        _platformCalls.Add(1, new("platform", platform), new("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (status == 429)
        {
            _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));
        }
    }

    public void Acknowledged(string platform, TimeSpan latency) =>
        _ackLatency.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("platform", platform));

    public void ReplyEdit(string platform) => _replyEdits.Add(1, new KeyValuePair<string, object?>("platform", platform));

    private static void Add(Counter<long> counter, long amount)
    {
        if (amount > 0)
        {
            counter.Add(amount);
        }
    }

    private static InstrumentAdvice<double> Seconds() => new() { HistogramBucketBoundaries = SecondsBuckets };
}
