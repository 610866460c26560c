using ChatBot.Core.Catalog;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// Every job on a model that takes a seed gets one (drawn here when the member gave none), so its Info can show it and
/// Same seed can repeat it; a model that takes none is left to its own randomness.
/// </summary>
internal static class SeedRule
{
    public static CommandOptions Assign(ModelDefinition model, MediaOperation operation, CommandOptions options)
    {
        if (options.Seed is not null || model.Parameter(ParameterNames.Seed, operation, options.Mode) is not { } seed)
        {
            return options;
        }

        var low = (int)Math.Clamp(seed.Min ?? 0, 0, int.MaxValue - 1);
        var high = (int)Math.Clamp(seed.Max ?? int.MaxValue, low + 1, int.MaxValue);
        return options with { Seed = RandomNumberGenerator.GetInt32(low, high) };
    }
}
