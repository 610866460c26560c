namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A modal's inputs: block_id → action_id → value.</summary>
internal sealed record SlackViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>>? Values);
