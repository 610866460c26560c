using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Commands.Regions;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// The Vary (Region) button where the chat cannot show the editor (Discord, Slack): answers, only to the member who
/// pressed, with a short-lived link to the bot's region editor for that result. Costs nothing; the job starts from the page.
/// </summary>
internal sealed class VaryRegionCommandHandler(IJobStore store, IMediaStore media, IRegionEditorLinks? links = null) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.VaryRegion];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var job = request.SourceJobId is { } id ? await store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (job is null || !job.IsInTenantOf(request.Actor))
        {
            return new CommandOutcome.Refused("I can't find that result any more, so this button no longer works.");
        }

        var index = request.SourceOutputIndex ?? 0;
        if (!job.HasStoredOutputs() || index < 0 || index >= job.OutputKeys.Count
            || await media.GetAsync(job.OutputKeys[index], cancellationToken).ConfigureAwait(false) is not { Kind: MediaKind.Image })
        {
            return new CommandOutcome.Refused("That result has no picture to paint on.");
        }

        if (links?.Create(request) is not { } link)
        {
            return new CommandOutcome.Refused("Vary (Region) needs the bot's public address; ask the bot's operator to set `Playground:PublicBaseUrl`.");
        }

        var minutes = Math.Max(1, (int)Math.Round(links.Lifetime.TotalMinutes));
        return new CommandOutcome.Info(
            $"**{RegionEdit.Label}**: paint over what should change and describe it on this page (only for you, for {minutes} minutes):\n{link}",
            Ephemeral: true);
    }
}
