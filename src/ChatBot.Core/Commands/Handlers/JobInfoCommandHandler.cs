using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// The Info button under a result: model, provider, seed, parameters, cost and duration, to the member who pressed it
/// only. Anyone in the community may ask (the result is in their channel); another community's jobs stay unknown.
/// </summary>
internal sealed class JobInfoCommandHandler(IJobStore store, ModelCatalog catalog, ProviderRouter router) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.JobInfo];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var job = request.Options.JobId is { Length: > 0 } id ? await store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (job is null || !job.IsInTenantOf(request.Actor))
        {
            return new CommandOutcome.Refused("I can't find that result any more.");
        }

        var spec = job.Spec;
        var model = catalog.Find(spec.ModelId);
        var text = new StringBuilder($"**{ReplyText.Title(spec)}**\n");
        text.Append(CultureInfo.InvariantCulture, $"Model: {model?.DisplayName ?? spec.ModelId} (`{spec.ModelId}`)\n");
        text.Append(CultureInfo.InvariantCulture, $"Provider: {router.DisplayName(job.Provider)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Seed: {(spec.Options.Seed is { } seed ? seed.ToString(CultureInfo.InvariantCulture) : "chosen by the provider (not reported)")}\n");
        text.Append(CultureInfo.InvariantCulture, $"Parameters: {Parameters(spec)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Cost: {Cost(job)}\n");
        if (job.FinishedAt is { } finished)
        {
            var ran = job.StartedAt is { } started ? $" ({ReplyText.Duration(finished - started)} at the provider)" : "";
            text.Append(CultureInfo.InvariantCulture, $"Duration: {ReplyText.Duration(finished - job.CreatedAt)}{ran}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Job: `{job.Id}` · {spec.Operation.ToString().ToLowerInvariant()} · by {(spec.DisplayName.Length > 0 ? spec.DisplayName : "a member")}");
        return new CommandOutcome.Info(text.ToString());
    }

    /// <summary>The options the job ran with, as the flags that would repeat them.</summary>
    private static string Parameters(JobSpec spec)
    {
        var o = spec.Options;
        var flags = new List<string>();
        void Add(string flag, object? value)
        {
            if (value is not null)
            {
                flags.Add(string.Create(CultureInfo.InvariantCulture, $"--{flag} {value}"));
            }
        }

        Add("ar", o.AspectRatio);
        Add("n", o.Count);
        Add("strength", o.Strength);
        Add("duration", o.DurationSeconds);
        Add("resolution", o.Resolution);
        Add("factor", o.UpscaleFactor);
        Add("mode", o.Mode);
        Add("style", o.Style);
        Add("no", o.NegativePrompt);
        foreach (var (key, value) in o.Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Add(key, value);
        }

        return flags.Count == 0 ? "the model's defaults" : string.Join(' ', flags);
    }

    private static string Cost(JobRecord job) => job.State switch
    {
        JobState.Succeeded => CreditText.Amount(job.ChargedCredits ?? 0),
        JobState.AwaitingConfirmation => "nothing yet (waiting for a Confirm)",
        _ when job.State.IsTerminal() => "nothing (it ended without a result)",
        _ => $"{CreditText.Amount(job.ReservedCredits)} reserved",
    };
}
