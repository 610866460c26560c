namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A modal the bot opened, submitted (<c>view_submission</c>).</summary>
internal sealed record ViewSubmissionPayload : SlackInteraction
{
    public SlackView? View { get; init; }
}
