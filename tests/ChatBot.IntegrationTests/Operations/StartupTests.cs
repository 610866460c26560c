using System.Net;
using System.Net.Sockets;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>The real host as a child process: what an operator sees when start-up cannot go on.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_InvalidSetting_ExitsNonZeroWithOneLineNamingIt()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(120);

        var (exitCode, _, error) = await ChildHost.RunToExitAsync(data, ["--urls", "http://127.0.0.1:0", "--Scheduler:MaxRunningPerUser", "0"], timeout.Token);

        exitCode.ShouldBe(1);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldHaveSingleItem().ShouldContain("Scheduler:MaxRunningPerUser");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Start_ValueThatDoesNotConvert_ExitsNonZeroWithOneLineNamingIt()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(120);

        var (exitCode, output, error) = await ChildHost.RunToExitAsync(data, ["--urls", "http://127.0.0.1:0", "--Scheduler:JobTimeout", "half an hour"], timeout.Token);

        exitCode.ShouldBe(1);
        error.Trim().ShouldContain("Scheduler:JobTimeout");
        error.Trim().ShouldNotContain("\n");
        (output + error).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Start_PortAlreadyInUse_ExitsNonZeroWithOneLineNamingTheAddress()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(120);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, output, error) = await ChildHost.RunToExitAsync(data, ["--urls", address], timeout.Token);

        exitCode.ShouldBe(1);
        error.Trim().ShouldContain(address);
        error.Trim().ShouldNotContain("\n");
        (output + error).ShouldNotContain("   at ");
    }
}
