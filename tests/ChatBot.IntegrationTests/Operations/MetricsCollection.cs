namespace ChatBot.IntegrationTests.Operations;

/// <summary>
/// The metrics tests run alone: the exporter listens to every meter of the bot's name in the process, so another
/// test's host that stops between two scrapes takes its series with it and the sums seem to go back.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
