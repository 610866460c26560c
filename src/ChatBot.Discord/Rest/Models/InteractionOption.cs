namespace ChatBot.Discord.Rest.Models;

internal sealed record InteractionOption(string Name, int Type)
{
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public bool? Focused { get; init; }
}
