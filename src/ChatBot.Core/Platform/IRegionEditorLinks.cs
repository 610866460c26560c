namespace ChatBot.Core.Platform;

/// <summary>
/// Links to the bot's own region editor (Vary (Region)) for members of platforms that cannot show it in place
/// (Discord, Slack). Implemented by the host, which serves the page; absent or unavailable without a public address.
/// </summary>
public interface IRegionEditorLinks
{
    /// <summary>Whether links can be made (the host knows the public address people reach it at).</summary>
    bool IsAvailable { get; }

    /// <summary>How long a link works after it is made.</summary>
    TimeSpan Lifetime { get; }

    /// <summary>A short-lived link, bound to the pressed result and to the member who pressed, or null when unavailable.</summary>
    Uri? Create(CommandRequest press);
}
