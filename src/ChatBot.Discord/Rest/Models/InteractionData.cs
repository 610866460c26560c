namespace ChatBot.Discord.Rest.Models;

/// <summary>The <c>data</c> of an interaction: a command's options, a component's custom_id or a modal's inputs.</summary>
internal sealed record InteractionData
{
    public string? Id { get; init; }
    public string? Name { get; init; }

    /// <summary>Command type: 1 CHAT_INPUT, 2 USER, 3 MESSAGE.</summary>
    public int? Type { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public ResolvedData? Resolved { get; init; }
    public string? TargetId { get; init; }
    public string? CustomId { get; init; }
    public int? ComponentType { get; init; }
    public JsonElement? Components { get; init; }
}
