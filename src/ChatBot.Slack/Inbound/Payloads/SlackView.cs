namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A submitted modal: which one, what we stored in it, and what the member typed.</summary>
internal sealed record SlackView(string? CallbackId, string? PrivateMetadata, SlackViewState? State)
{
    /// <summary>The value typed into the input <paramref name="actionId"/> of block <paramref name="blockId"/>.</summary>
    public string? Value(string blockId, string actionId) =>
        State?.Values is { } values && values.TryGetValue(blockId, out var block) && block.TryGetValue(actionId, out var input)
            ? input.Value ?? input.SelectedOption?.Value
            : null;
}
