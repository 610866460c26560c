namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>The configuration every test host gets: its own data folder, no pacing, quiet logs.</summary>
internal static class HostSettings
{
    public static Dictionary<string, string?> For(TempDirectory data, TimeSpan passDelay) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:DatabasePath"] = data.File("chatbot.db"),
        ["Storage:MediaPath"] = data.File("media"),
        ["Playground:AdminFile"] = data.File("playground-admin.txt"),
        ["Providers:Local:PassDelay"] = passDelay.ToString("c"),

        // 256×256 pictures: the same code paths, a fraction of the CPU on a shared CI machine.
        ["Providers:Local:ImagePixels"] = "65536",
        ["Replies:EditInterval"] = "00:00:00",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:ChatBot.Host.Operations"] = "Information",
    };
}
