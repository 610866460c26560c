using ChatBot.Core.Catalog;
using ChatBot.Core.Media;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// Fetches, checks and stores a media command's inputs before anything is reserved. Operations that take
/// sound or video read each plain attachment for what its bytes are; everything else takes images only.
/// </summary>
internal sealed class JobInputIntake(MediaIntake intake)
{
    /// <summary>The stored inputs, or (with null inputs) why one of them, or the set, was refused.</summary>
    public async Task<(IReadOnlyList<JobInput>? Inputs, string? Refusal)> IngestAsync(
        string platform, MediaOperation operation, IReadOnlyList<MediaRef> inputs, CancellationToken cancellationToken)
    {
        var takesAnyMedia = operation is MediaOperation.LipSync or MediaOperation.VideoRemoveBackground or MediaOperation.VideoUpscale;
        var stored = new List<JobInput>(inputs.Count);
        foreach (var input in inputs)
        {
            var expected = input.Role switch
            {
                MediaRole.Audio => MediaKind.Audio,
                MediaRole.Video => MediaKind.Video,
                MediaRole.Image when takesAnyMedia => MediaKind.Unknown,
                _ => MediaKind.Image,
            };
            var result = await intake.IngestAsync(platform, input, expected, cancellationToken).ConfigureAwait(false);
            if (result is IntakeResult.Rejected rejected)
            {
                return (null, rejected.Message);
            }

            var media = ((IntakeResult.Accepted)result).Media;
            var role = expected != MediaKind.Unknown ? input.Role : media.Kind switch
            {
                MediaKind.Audio => MediaRole.Audio,
                MediaKind.Video => MediaRole.Video,
                _ => MediaRole.Image,
            };
            stored.Add(new JobInput(role, media.Key));
        }

        var missing = Missing(operation, stored);
        return missing is null ? (stored, null) : (null, missing);
    }

    /// <summary>What an operation that reads its inputs' bytes still lacks once they are known.</summary>
    private static string? Missing(MediaOperation operation, List<JobInput> stored) => operation switch
    {
        MediaOperation.VideoRemoveBackground when !stored.Any(i => i.Role == MediaRole.Video) =>
            "Attach the video (MP4 or WebM) to remove its background.",
        MediaOperation.VideoUpscale when !stored.Any(i => i.Role == MediaRole.Video) =>
            "Attach the video (MP4 or WebM) to upscale it.",
        MediaOperation.LipSync when !stored.Any(i => i.Role == MediaRole.Audio) || !stored.Any(i => i.Role == MediaRole.Image) =>
            "Lip sync needs an image of a face and an audio file (MP3, WAV, M4A, OGG or FLAC).",
        _ => null,
    };
}
