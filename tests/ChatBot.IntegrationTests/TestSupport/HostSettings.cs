namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>The configuration every test host gets: its own data folder, no pacing, quiet logs.</summary>
internal static class HostSettings
{
    /// <summary>The Playground API token every test host accepts and <see cref="PlaygroundClient"/> sends.</summary>
    public const string ApiToken = "integration-tests-playground-token";

    public static Dictionary<string, string?> For(TempDirectory data, TimeSpan passDelay) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:DatabasePath"] = data.File("chatbot.db"),
        ["Storage:MediaPath"] = data.File("media"),
        ["Playground:AdminFile"] = data.File("playground-admin.txt"),
        ["Playground:AccountsFile"] = data.File("playground-accounts.json"),
        ["Playground:Enabled"] = "true",
        ["Playground:ApiToken"] = ApiToken,
        ["Providers:Local:PassDelay"] = passDelay.ToString("c"),

        // 256×256 pictures: the same code paths, a fraction of the CPU on a shared CI machine.
        ["Providers:Local:ImagePixels"] = "65536",
        ["Replies:EditInterval"] = "00:00:00",

        // Remote-provider tests run jobs of hundreds of credits; the confirmation tests set their community's threshold.
        ["Credits:ConfirmAbove"] = "1000000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:ChatBot.Host.Operations"] = "Information",
    };
}
