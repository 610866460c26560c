namespace ChatBot.Emulators.Slack;

/// <summary>A member of the emulated workspace, as users.info shows it.</summary>
public sealed record SlackEmulatedUser(string Id, string Name, bool IsAdmin = false, bool IsOwner = false);
