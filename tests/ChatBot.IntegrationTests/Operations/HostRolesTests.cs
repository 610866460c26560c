using System.Net;
using ChatBot.Core.Jobs;
using ChatBot.Core.Model;
using ChatBot.Host.Operations;
using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.IntegrationTests.Operations;

/// <summary><c>Host:Roles</c>: which hosted services and endpoints one process of the bot runs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HostRolesTests(PostgresServer server)
{
    [Fact]
    public async Task Start_RolesSplitOnSqlite_ExitsOneWithOneLineNamingHostRoles()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(120);

        var (exitCode, _, error) = await ChildHost.RunToExitAsync(data, ["--urls", "http://127.0.0.1:0", "--Host:Roles", "platforms,playground"], timeout.Token);

        exitCode.ShouldBe(1);
        var line = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldHaveSingleItem();
        line.ShouldContain("Host:Roles");
        line.ShouldContain("Storage:Provider");
    }

    [Fact]
    public async Task Start_UnknownRole_ExitsOneNamingIt()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(120);

        var (exitCode, _, error) = await ChildHost.RunToExitAsync(data, ["--urls", "http://127.0.0.1:0", "--Host:Roles", "jobs,gateway"], timeout.Token);

        exitCode.ShouldBe(1);
        error.Trim().ShouldContain("'gateway' is not a role");
    }

    [Fact]
    public async Task Imagine_OnAProcessWithoutJobs_IsAcceptedAndStaysQueuedInTheStore()
    {
        var store = await PostgresStoreAsync();
        store["Host:Roles"] = "platforms,playground";
        await using var host = await RunningHost.StartAsync(store);
        using var timeout = TestTimeout.Start();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);

        var replyId = await host.Client.PostAsync("alice", "/imagine a lighthouse at dusk");
        var queued = await events.WaitForAsync(replyId, r => r.JobId is not null && r.Status == "queued", timeout.Token);

        (await host.GetService<IJobStore>().GetAsync(queued.JobId!, CancellationToken.None))!.State.ShouldBe(JobState.Queued);
        HostedServiceNames(host).ShouldNotContain("JobEngineService");
        HostedServiceNames(host).ShouldNotContain("MediaJanitorService");
    }

    [Fact]
    public async Task Start_JobsOnly_ServesNeitherThePlaygroundNorPlatformEndpoints()
    {
        var store = await PostgresStoreAsync();
        store["Host:Roles"] = "jobs";
        await using var host = await RunningHost.StartAsync(store);

        using var page = await host.Client.Http.GetAsync("/api/playground/replies/none");
        using var interactions = await host.Client.Http.PostAsync("/discord/interactions", new StringContent("{}"));

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        interactions.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        HostedServiceNames(host).ShouldContain("JobEngineService");
        HostedServiceNames(host).ShouldNotContain("CommandRegistrar");
        HostedServiceNames(host).ShouldNotContain("SocketModeService");
    }

    [Fact]
    public void KnownServices_EveryName_IsAHostedServiceOfTheBot()
    {
        var assemblies = new[] { "ChatBot.Core", "ChatBot.Discord", "ChatBot.Slack", "ChatBot.Storage" }.Select(System.Reflection.Assembly.Load).ToList();

        foreach (var name in HostRoleSelection.KnownServices)
        {
            var type = assemblies.Select(a => a.GetType(name)).SingleOrDefault(t => t is not null);
            type.ShouldNotBeNull(name);
            typeof(IHostedService).IsAssignableFrom(type).ShouldBeTrue(name);
        }
    }

    private static List<string> HostedServiceNames(RunningHost host) =>
        [.. host.GetService<IServiceProvider>().GetServices<IHostedService>().Select(s => s.GetType().Name)];

    private async Task<Dictionary<string, string?>> PostgresStoreAsync() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = await server.CreateDatabaseAsync(),
    };
}
