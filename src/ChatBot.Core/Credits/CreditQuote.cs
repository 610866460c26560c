using ChatBot.Core.Catalog;

namespace ChatBot.Core.Credits;

/// <summary>
/// The credit price of a job: what the dispatcher reserves and the most settlement may charge. One formula
/// for both, so a job is never charged by a rule its reservation did not follow.
/// </summary>
internal static class CreditQuote
{
    /// <summary>The model's price for the outputs, seconds of video and resolution tier the options ask for.</summary>
    public static long For(ModelDefinition model, MediaOperation operation, CommandOptions options)
    {
        var count = Math.Max(1, options.Count ?? 1);
        return model.Price.Quote(count, SecondsOf(model, operation, options), options.Resolution);
    }

    /// <summary>Seconds of video the job makes (the model's first duration when none was asked); null for stills.</summary>
    /// <remarks>
    /// Upscaling a video of unknown length (an attachment, not a result of the bot's) reserves for the longest the model
    /// takes; the provider's reported cost is charged, never more than that.
    /// </remarks>
    private static int? SecondsOf(ModelDefinition model, MediaOperation operation, CommandOptions options) => operation switch
    {
        MediaOperation.Video or MediaOperation.LipSync or MediaOperation.Storyboard => options.DurationSeconds ?? (model.Durations.Count > 0 ? model.Durations[0] : null),
        MediaOperation.VideoUpscale => options.DurationSeconds ?? (model.Durations.Count > 0 ? model.Durations[^1] : null),
        _ => null,
    };
}
