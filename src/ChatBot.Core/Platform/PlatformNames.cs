namespace ChatBot.Core.Platform;

public static class PlatformNames
{
    public const string Discord = "discord";
    public const string Slack = "slack";
    public const string Playground = "playground";
}
