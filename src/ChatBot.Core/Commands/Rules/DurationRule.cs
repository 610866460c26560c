using ChatBot.Core.Catalog;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// The length a video job is priced and sent with: the member's <c>--duration</c>, else the model's shortest (so
/// the provider makes what was quoted, not its own undocumented default); a storyboard's length is its shots
/// added up, held to the model's documented total.
/// </summary>
internal static class DurationRule
{
    /// <summary>The options with the seconds to price and send, or (with null options) why the length does not fit.</summary>
    public static (CommandOptions? Options, string? Refusal) Apply(ModelDefinition model, MediaOperation operation, CommandOptions options)
    {
        if (operation == MediaOperation.Storyboard)
        {
            var shots = StoryboardText.Shots(options.Prompt, options.DurationSeconds);
            if (shots.Count == 0)
            {
                return (null, "A storyboard needs scenes: separate them with |, e.g. `wide desert shot::5 | close-up of hands::3`.");
            }

            var total = shots.Sum(s => s.Seconds);
            var durations = model.Durations;
            return durations.Count > 0 && (total < durations[0] || total > durations[^1])
                ? (null, $"`{model.Id}` makes storyboards of {durations[0]} to {durations[^1]} seconds in total; yours adds up to {total}.")
                : (options with { DurationSeconds = total }, null);
        }

        return operation is MediaOperation.Video or MediaOperation.LipSync && options.DurationSeconds is null && model.Durations.Count > 0
            ? (options with { DurationSeconds = model.Durations[0] }, null)
            : (options, null);
    }
}
