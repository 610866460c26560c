using ChatBot.Core.Catalog;
using ChatBot.Core.Jobs;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// Applies the earlier result a button, reaction or context menu acts on: Re-roll repeats the source job with a
/// new seed; every other action works on one of the source's outputs and inherits its prompt.
/// </summary>
internal sealed class ResultSource(IJobStore store)
{
    /// <summary>The command's subject, or (with a null subject) why its source result cannot be used.</summary>
    public async Task<(MediaSubject? Subject, string? Refusal)> ResolveAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var own = new MediaSubject(request.Kind, request.Options, request.Inputs);
        if (request.SourceJobId is not { } sourceId)
        {
            return (own, null);
        }

        var source = await store.GetAsync(sourceId, cancellationToken).ConfigureAwait(false);
        if (source is null || !source.IsInTenantOf(request.Actor))
        {
            return (null, "I can't find that result any more, so this button no longer works.");
        }

        return request.Kind == CommandKind.Reroll ? (Repeat(source), null) : OnOutput(own, source, request.SourceOutputIndex ?? 0);
    }

    /// <summary>Same command, same inputs, a new seed.</summary>
    private static MediaSubject Repeat(JobRecord source) => new(
        source.Spec.Kind is CommandKind.Reroll ? CommandKind.Imagine : source.Spec.Kind,
        source.Spec.Options with { Seed = null, Model = source.Spec.ModelId },
        [.. source.Spec.Inputs.Select(i => MediaRef.FromStore(i.MediaKey, "input", i.Role))]);

    private static bool MadeVideo(MediaOperation operation) =>
        operation is MediaOperation.Video or MediaOperation.LipSync or MediaOperation.Storyboard or MediaOperation.VideoRemoveBackground or MediaOperation.VideoUpscale;

    private static (MediaSubject? Subject, string? Refusal) OnOutput(MediaSubject own, JobRecord source, int index)
    {
        if (!source.HasStoredOutputs() || source.OutputKeys.Count == 0)
        {
            return (null, "That job has no finished result to work on yet.");
        }

        if (index < 0 || index >= source.OutputKeys.Count)
        {
            return (null, $"That result has {source.OutputKeys.Count} image(s); there is no number {index + 1}.");
        }

        var vary = own.Kind == CommandKind.Vary;
        var video = MadeVideo(source.Spec.Operation);
        var options = own.Options with
        {
            Prompt = own.Options.Prompt ?? source.Spec.Options.Prompt,
            AspectRatio = own.Options.AspectRatio ?? (vary ? source.Spec.Options.AspectRatio : null),
            NegativePrompt = own.Options.NegativePrompt ?? (vary ? source.Spec.Options.NegativePrompt : null),
            // A video result lends its length (what upscaling it is priced by, and the clip that extends it).
            DurationSeconds = own.Options.DurationSeconds ?? (video ? source.Spec.Options.DurationSeconds : null),
        };
        var output = MediaRef.FromStore(source.OutputKeys[index], $"result-{index + 1}", video ? MediaRole.Video : MediaRole.Image);
        return (own with { Options = options, Inputs = [output, .. own.Inputs] }, null);
    }
}
