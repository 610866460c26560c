using System.Diagnostics;
using ChatBot.Host.Playground;
using ChatBot.Host.Playground.Access;
using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace ChatBot.IntegrationTests.Playground.Access;

/// <summary>A Playground reachable from other machines needs a password: without one the host does not start.</summary>
public sealed class PlaygroundListenGuardTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.0.2.10:5080")]
    public void Refusal_NonLoopbackWithoutPassword_NamesTheSetting(string urls)
    {
        var refusal = PlaygroundListenGuard.Refusal(Configuration(urls), new PlaygroundOptions { Enabled = true });

        refusal.ShouldNotBeNull().ShouldContain("Playground:AdminPassword");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true, null)]
    [InlineData("http://localhost:5080;http://[::1]:5080", true, null)]
    [InlineData("http://0.0.0.0:5080", true, "a long enough password")]
    [InlineData("http://0.0.0.0:5080", false, null)]
    public void Refusal_LoopbackOrPasswordOrDisabled_LetsItStart(string urls, bool enabled, string? password)
    {
        PlaygroundListenGuard.Refusal(Configuration(urls), new PlaygroundOptions { Enabled = enabled, AdminPassword = password }).ShouldBeNull();
    }

    [Fact]
    public void Refusal_KestrelEndpointOnAllInterfaces_Refuses()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:8080" })
            .Build();

        PlaygroundListenGuard.Refusal(configuration, new PlaygroundOptions { Enabled = true }).ShouldNotBeNull();
    }

    [Fact]
    public async Task Host_ListeningOnAllInterfacesWithoutPassword_ExitsNonZeroWithOneLine()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(30);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data.Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBot.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://0.0.0.0:0");
        foreach (var (key, value) in HostSettings.For(data, TimeSpan.Zero))
        {
            start.Environment[ChatBot.Host.ChatBotHost.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = process.StandardOutput.ReadLineAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                // Today's host would listen on every interface and never exit: end it.
                process.Kill(entireProcessTree: true);
            }
        }

        process.ExitCode.ShouldNotBe(0);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldContain("Playground:AdminPassword");
        (await output).ShouldBeNull();
    }

    private static IConfiguration Configuration(string urls) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
}
