namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>The reply JSON of the Playground API, as a client sees it.</summary>
internal sealed record ReplyState(
    string ReplyId,
    string Status,
    string Title,
    string Text,
    int? QueuePosition,
    double? Progress,
    IReadOnlyList<string> Media,
    IReadOnlyList<ButtonState> Buttons,
    string? JobId,
    long Revision,
    CostState? Cost = null)
{
    public bool IsFinal => Status is "succeeded" or "failed" or "refused" or "cancelled";

    /// <summary>With several images: the URL of their numbered grid.</summary>
    public string? Grid { get; init; }
}
