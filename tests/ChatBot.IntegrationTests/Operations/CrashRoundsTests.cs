using System.Net;
using ChatBot.IntegrationTests.TestSupport;
using Xunit.Abstractions;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>
/// Issue 13's crash matrix, bounded for CI: the real host process is killed the hard way at a random point
/// (right after a command, once a job is running, once it shows progress, once one has finished, or while
/// the previous round's jobs are being recovered), 20 times on one data folder. At the end every accepted
/// job has ended exactly once, nothing was charged twice, and every balance equals the sum of its ledger.
/// </summary>
public sealed class CrashRoundsTests(ITestOutputHelper output)
{
    private const int Rounds = 20;

    [Fact]
    public async Task KillAtRandomPoints_TwentyRounds_NoJobLostOrChargedTwice_BalancesMatchTheLedger()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(240);
        var audit = new LedgerAudit(data.File("chatbot.db"));
        var random = new Random(13);
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var round = 0; round < Rounds; round++)
        {
            using var host = await ChildHost.StartAsync(data, TimeSpan.FromMilliseconds(50), timeout.Token);
            await using var events = await host.Client.OpenEventsAsync(timeout.Token);
            var point = (KillPoint)random.Next(Enum.GetValues<KillPoint>().Length);
            points[point.ToString()] = points.GetValueOrDefault(point.ToString()) + 1;
            if (point != KillPoint.DuringRecovery)
            {
                var user = round % 2 == 0 ? "alice" : "bob";
                var replies = new[]
                {
                    await host.Client.PostAsync(user, $"/imagine crash round {round} --seed {round}"),
                    await host.Client.PostAsync("carol", $"/imagine another round {round}"),
                };
                foreach (var replyId in replies)
                {
                    var reply = await events.WaitForAsync(replyId, r => r.JobId is not null || r.IsFinal, timeout.Token);
                    if (reply.JobId is not null)
                    {
                        accepted[reply.JobId] = replyId;
                    }
                }

                Func<ReplyState, bool>? until = point switch
                {
                    // A fast job may go from queued to its end between two views: its end counts too.
                    KillPoint.Running => r => r.Status == "running" || r.IsFinal,
                    KillPoint.Progress => r => (r.Status == "running" && r.Progress > 0) || r.IsFinal,
                    KillPoint.Finished => r => r.IsFinal,
                    _ => null,
                };
                if (until is not null)
                {
                    await events.WaitForAsync(replies[0], until, timeout.Token);
                }
            }

            await host.KillAsync();
        }

        // A last, calm start: recovery finishes what the rounds left behind.
        var unfinished = audit.NonTerminalJobs().Select(row => row.Split(' ')[0]).ToList();
        using (var last = await ChildHost.StartAsync(data, TimeSpan.FromMilliseconds(100), timeout.Token))
        {
            await using var events = await last.Client.OpenEventsAsync(timeout.Token);
            foreach (var jobId in unfinished)
            {
                var replyId = accepted[jobId];
                using var response = await last.Client.Http.GetAsync($"/api/playground/replies/{replyId}", timeout.Token);
                var current = response.StatusCode == HttpStatusCode.OK ? await last.Client.GetAsync(replyId) : null;
                if (current is not { IsFinal: true })
                {
                    await events.WaitForFinalAsync(replyId, timeout.Token);
                }
            }
        }

        var jobs = audit.JobCount();
        var lost = accepted.Keys.Count(id => !audit.HasJob(id)) + audit.NonTerminalJobs().Count;
        var doubleCharged = audit.UnsettledJobs();
        var unbalanced = audit.UnbalancedAccounts();
        output.WriteLine($"crash rounds: {Rounds} in {clock.Elapsed.TotalSeconds:F0} s, kill points {string.Join(", ", points.Select(p => $"{p.Key} {p.Value}"))}; jobs {jobs} (accepted {accepted.Count}), lost {lost}, charged twice or unsettled {doubleCharged.Count}, unbalanced accounts {unbalanced.Count}");
        jobs.ShouldBe(accepted.Count);
        lost.ShouldBe(0);
        doubleCharged.ShouldBeEmpty();
        unbalanced.ShouldBeEmpty();
    }

    private enum KillPoint
    {
        /// <summary>At once after the commands were accepted (jobs queued or submitting).</summary>
        Accepted,
        Running,
        Progress,
        Finished,

        /// <summary>No new command: the host is recovering the previous round's jobs when it dies.</summary>
        DuringRecovery,
    }
}
