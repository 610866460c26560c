namespace ChatBot.Slack.Http;

internal enum SlackVerification
{
    Valid,
    NotConfigured,
    MissingHeaders,
    Stale,
    BadSignature,
}
