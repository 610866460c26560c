namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>
/// A message in a conversation the bot is in (<c>message</c>, from the message.channels/.groups/.im subscriptions).
/// A file share carries its files; <c>message_changed</c> carries the new version in <see cref="Message"/>.
/// </summary>
internal sealed record MessageEvent : SlackEvent
{
    public string? Subtype { get; init; }

    public string? Channel { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? BotId { get; init; }

    public IReadOnlyList<SlackFile>? Files { get; init; }

    public IReadOnlyList<SlackBlock>? Blocks { get; init; }

    public SlackMessage? Message { get; init; }

    /// <summary>For <c>message_deleted</c>: the ts of the message that went.</summary>
    public string? DeletedTs { get; init; }

    /// <summary>The message as the rest of the adapter reads it (the new version of a changed one).</summary>
    public SlackMessage AsMessage() => Subtype == "message_changed" && Message is { } changed
        ? changed
        : new SlackMessage(Ts, ThreadTs, User, BotId, Files, Blocks);
}
