using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Operations;

/// <summary><c>GET /metrics</c> on the whole host: the series exist and move when a job runs.</summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Metrics_JobRuns_SeriesMove()
    {
        using var timeout = TestTimeout.Start();
        await using var events = await _host.Client.OpenEventsAsync(timeout.Token);
        var before = await ScrapeAsync(timeout.Token);

        var replyId = await _host.Client.PostAsync("alice", "/imagine a lighthouse at dusk");
        (await events.WaitForFinalAsync(replyId, timeout.Token)).Status.ShouldBe("succeeded");
        var refused = await _host.Client.PostAsync("alice", "/imagine a fox --model no-such-model");
        (await events.WaitForFinalAsync(refused, timeout.Token)).Status.ShouldBe("refused");

        // The result is posted before the charge is written (and counted): wait until the money has moved.
        await _host.Client.SettledCreditsAsync("alice", timeout.Token);
        var after = await ScrapeAsync(timeout.Token);

        // Other hosts of this test run may share the meter's name, so each series is checked to have moved, not to equal 1.
        Sum(after, "chatbot_jobs_total", "state=\"succeeded\"", "provider=\"local\"").ShouldBeGreaterThan(Sum(before, "chatbot_jobs_total", "state=\"succeeded\"", "provider=\"local\""));
        Sum(after, "chatbot_jobs_total", "state=\"queued\"").ShouldBeGreaterThan(Sum(before, "chatbot_jobs_total", "state=\"queued\""));
        Sum(after, "chatbot_commands_total", "kind=\"imagine\"", "outcome=\"accepted\"").ShouldBeGreaterThan(Sum(before, "chatbot_commands_total", "kind=\"imagine\"", "outcome=\"accepted\""));
        Sum(after, "chatbot_commands_total", "kind=\"imagine\"", "outcome=\"refused\"").ShouldBeGreaterThan(Sum(before, "chatbot_commands_total", "kind=\"imagine\"", "outcome=\"refused\""));
        Sum(after, "chatbot_credits_reserved_total").ShouldBeGreaterThan(Sum(before, "chatbot_credits_reserved_total"));
        Sum(after, "chatbot_job_duration_seconds_count").ShouldBeGreaterThan(Sum(before, "chatbot_job_duration_seconds_count"));
        Sum(after, "chatbot_queue_wait_seconds_count").ShouldBeGreaterThan(Sum(before, "chatbot_queue_wait_seconds_count"));
        Sum(after, "chatbot_reply_edits_total", "platform=\"playground\"").ShouldBeGreaterThan(Sum(before, "chatbot_reply_edits_total", "platform=\"playground\""));
        after.ShouldContain("# TYPE chatbot_job_duration_seconds histogram");
    }

    private async Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        using var response = await _host.Client.Http.GetAsync("/metrics", cancellationToken);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/plain");
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static double Sum(string scrape, string name, params string[] labels) => scrape
        .Split('\n')
        .Select(line => SampleLine().Match(line))
        .Where(m => m.Success && m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
        .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)")]
    private static partial Regex SampleLine();
}
