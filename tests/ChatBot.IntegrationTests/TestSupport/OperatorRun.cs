using System.Text.Json;
using ChatBot.Host.Operations;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>An operator command (<c>audit</c>, <c>migrate</c>) run in-process as the host's entry point runs it: its exit code, its JSON, its errors.</summary>
internal sealed record OperatorRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public static async Task<OperatorRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCommands.RunAsync(args, output, error);
        return new OperatorRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The command line settings of a store: <c>--Storage:…=…</c> for each.</summary>
    public static string[] Settings(IReadOnlyDictionary<string, string?> settings) => [.. settings.Select(s => $"--{s.Key}={s.Value}")];
}
