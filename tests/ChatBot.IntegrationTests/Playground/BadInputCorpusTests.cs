using System.Net;
using System.Text;
using ChatBot.IntegrationTests.TestSupport;
using Xunit.Abstractions;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>
/// Drives <see cref="BadInputCorpus"/> through the Playground API: every case is refused cleanly (a 4xx with a
/// JSON error, or a reply refused with a message; a file only the decoder can see through fails its job with a
/// message and a full refund), nothing is charged, nothing answers 5xx, nothing hangs. Prints its figures.
/// </summary>
public sealed class BadInputCorpusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Corpus_EveryCase_IsRefusedCleanlyChargesNothingNever5xxNeverHangs()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            // One provider slot: a file that held a slot would stall the cases after it, and the last job.
            ["Scheduler:DefaultProviderConcurrency"] = "1",
        });
        using var timeout = TestTimeout.Start(120);
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        var cases = BadInputCorpus.Cases().ToList();
        var start = await host.Client.CreditsAsync(BadInputCorpus.User);
        var (refused, charged, serverErrors, hangs) = (0, 0, 0, 0);
        var problems = new List<string>();

        foreach (var input in cases)
        {
            using var perCase = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            perCase.CancelAfter(CaseTimeout);
            var before = await host.Client.SettledCreditsAsync(BadInputCorpus.User, timeout.Token);
            string outcome;
            try
            {
                outcome = await RunAsync(host, events, input, perCase.Token);
            }
            catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
            {
                outcome = "hang";
            }

            var after = await host.Client.SettledCreditsAsync(BadInputCorpus.User, timeout.Token);
            var clean = outcome.StartsWith("4", StringComparison.Ordinal) || outcome == "refused" || (input.DecoderCase && outcome == "failed");
            refused += clean ? 1 : 0;
            charged += after != before ? 1 : 0;
            serverErrors += outcome.StartsWith("5", StringComparison.Ordinal) ? 1 : 0;
            hangs += outcome == "hang" ? 1 : 0;
            if (!clean || after != before)
            {
                problems.Add($"{input.Name}: {outcome}, balance {before} → {after}");
            }
        }

        // Every slot is free again: an ordinary job runs to its end.
        var ordinary = await events.WaitForFinalAsync(await host.Client.PostAsync("alice", "/imagine a calm sea"), timeout.Token);

        output.WriteLine($"bad-input corpus: cases {cases.Count}, refused cleanly {refused}, charged {charged}, 5xx {serverErrors}, hangs {hangs}; balance {start} → {await host.Client.SettledCreditsAsync(BadInputCorpus.User, timeout.Token)}");
        problems.ForEach(output.WriteLine);
        cases.Count.ShouldBeGreaterThanOrEqualTo(40);
        problems.ShouldBeEmpty();
        (serverErrors, hangs, charged).ShouldBe((0, 0, 0));
        ordinary.Status.ShouldBe("succeeded", ordinary.Text);
        new LedgerAudit(host.DatabasePath).UnsettledJobs().ShouldBeEmpty();
    }

    private static async Task<string> RunAsync(RunningHost host, EventStream events, BadInput input, CancellationToken cancellationToken)
    {
        using var response = input.Path is not null
            ? await host.Client.Http.PostAsync(input.Path, new StringContent(input.Body!, Encoding.UTF8, input.ContentType!), cancellationToken)
            : await host.Client.PostRawAsync(BadInputCorpus.User, input.Text!, [.. input.Files]).WaitAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (status != (int)HttpStatusCode.Created)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = response.Content.Headers.ContentType?.MediaType == "application/json" && body.Contains("\"error\"", StringComparison.Ordinal);
            return json || status >= 500 ? $"{status}" : $"{status} without a JSON error";
        }

        var created = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Created>(response.Content, cancellationToken);
        var reply = await host.Client.GetAsync(created!.ReplyId);
        if (!reply.IsFinal)
        {
            reply = await events.WaitForFinalAsync(reply.ReplyId, cancellationToken);
        }

        return string.IsNullOrWhiteSpace(reply.Text) ? $"{reply.Status} without a message" : reply.Status;
    }

    private sealed record Created(string ReplyId);
}
