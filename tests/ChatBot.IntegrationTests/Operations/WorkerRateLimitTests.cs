using ChatBot.Core.Platform;
using ChatBot.Discord.Rest;
using ChatBot.Emulators.Discord;
using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>Limits that belong to the bot token, not to one process, held by several workers on one PostgreSQL store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerRateLimitTests(PostgresServer server)
{
    [Fact(Skip = "Unfinished (i14-roles): the two workers still get about 30 global 429s of 160 with a peak of 50/s; 110 before the split. See REPORT-i14-roles.md.")]
    public async Task RestBurst_TwoWorkersOneBotToken_StayWithinTheGlobalLimitWithoutA429()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions());
        var settings = emulator.BotSettings();
        settings["Discord:Mode"] = "Http";
        settings["Discord:RegisterCommands"] = "false";
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:ConnectionString"] = await server.CreateDatabaseAsync();
        settings["Host:WorkerHeartbeat"] = "00:00:00.2";
        await using var first = await RunningHost.StartAsync(settings);
        await using var second = await RunningHost.StartAsync(settings);
        using var timeout = TestTimeout.Start();
        await Task.WhenAll(LiveWorkersAsync(first, 2, timeout.Token), LiveWorkersAsync(second, 2, timeout.Token));
        var guild = emulator.CreateGuildId();
        var channels = Enumerable.Range(0, 160).Select(i => emulator.CreateGuildChannel(guild, $"c{i}").Id).ToList();

        // 160 bot-token requests, 80 from each worker at once: 50/s for the bot means about three seconds, not one and a half.
        await Task.WhenAll(channels.Select((channel, i) =>
            (i % 2 == 0 ? first : second).GetService<DiscordRestClient>().GetChannelAsync(channel, timeout.Token)));

        emulator.GlobalTooManyRequestsCount.ShouldBe(0, $"peak {emulator.PeakRequestsPerSecond}/s");
        emulator.TooManyRequestsCount.ShouldBe(0);
        emulator.PeakRequestsPerSecond.ShouldBeLessThanOrEqualTo(50);
    }

    private static async Task LiveWorkersAsync(RunningHost host, int count, CancellationToken cancellationToken)
    {
        var share = host.GetService<WorkerShare>();
        while (true)
        {
            var changed = share.Changed;
            if (share.LiveWorkers == count)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}
