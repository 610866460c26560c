using ChatBot.Discord.Commands;

namespace ChatBot.Discord.Inbound;

/// <summary>Which engine command a registered slash command or message context menu stands for.</summary>
internal static class DiscordCommandKinds
{
    public static CommandKind? OfSlash(string? name) => name switch
    {
        "imagine" => CommandKind.Imagine,
        "edit" => CommandKind.Edit,
        "video" => CommandKind.Video,
        "upscale" => CommandKind.Upscale,
        "credits" => CommandKind.Credits,
        "jobs" => CommandKind.Jobs,
        "cancel" => CommandKind.Cancel,
        "models" => CommandKind.Models,
        "templates" => CommandKind.Templates,
        "settings" or DiscordCommandDefinitions.MemberSettingsCommand => CommandKind.Settings,
        "help" => CommandKind.Help,
        "stats" => CommandKind.Stats,
        "history" => CommandKind.History,
        "show" => CommandKind.Show,
        _ => null,
    };

    public static CommandKind? OfMenu(string? name) => name switch
    {
        DiscordCommandDefinitions.EditImageMenu => CommandKind.Edit,
        DiscordCommandDefinitions.UpscaleMenu => CommandKind.Upscale,
        DiscordCommandDefinitions.AnimateMenu => CommandKind.Animate,
        DiscordCommandDefinitions.RemoveBackgroundMenu => CommandKind.RemoveBackground,
        _ => null,
    };
}
