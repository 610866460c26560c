using ChatBot.Core.Catalog;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// Applies the earlier result a button, reaction or context menu acts on: Re-roll repeats the source job with a
/// new seed; every other action works on one of the source's outputs and inherits its prompt.
/// </summary>
internal sealed class ResultSource(IJobStore store, IMediaStore media)
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

        if (request.Kind == CommandKind.Reroll)
        {
            return (Repeat(source, request.KeepSeed), null);
        }

        var (subject, refusal) = OnOutput(own, source, request.SourceOutputIndex ?? 0);
        return subject is not null && request.Outpaint is { } margins ? await ExtendAsync(subject, margins, cancellationToken).ConfigureAwait(false) : (subject, refusal);
    }

    /// <summary>Zoom Out / Pan: the margins in pixels of the stored result, as the expansion parameters the providers take.</summary>
    private async Task<(MediaSubject? Subject, string? Refusal)> ExtendAsync(MediaSubject subject, OutpaintMargins margins, CancellationToken cancellationToken)
    {
        if (await media.GetAsync(subject.Inputs[0].StoreKey, cancellationToken).ConfigureAwait(false) is not { Width: { } width, Height: { } height })
        {
            return (null, "I can't read the size of that image, so I can't extend it.");
        }

        var (left, right, up, down) = ResultActions.Pixels(margins, width, height);
        var extra = new Dictionary<string, string>(subject.Options.Extra, StringComparer.OrdinalIgnoreCase)
        {
            ["left"] = left.ToString(CultureInfo.InvariantCulture),
            ["right"] = right.ToString(CultureInfo.InvariantCulture),
            ["up"] = up.ToString(CultureInfo.InvariantCulture),
            ["down"] = down.ToString(CultureInfo.InvariantCulture),
        };
        return (subject with { Options = subject.Options with { Extra = extra } }, null);
    }

    /// <summary>Same command, same inputs, a new seed (or, for Same seed, the same one).</summary>
    private static MediaSubject Repeat(JobRecord source, bool keepSeed) => new(
        source.Spec.Kind is CommandKind.Reroll ? CommandKind.Imagine : source.Spec.Kind,
        source.Spec.Options with { Seed = keepSeed ? source.Spec.Options.Seed : null, Model = source.Spec.ModelId },
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
