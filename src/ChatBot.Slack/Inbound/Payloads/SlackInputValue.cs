namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>An input's value: typed text (plain_text_input) or the chosen option (static_select).</summary>
internal sealed record SlackInputValue(string? Value, SlackSelectedOption? SelectedOption = null);
