using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Benchmarks.Harness;

/// <summary>
/// Runs one scenario in a child process of this program, so each starts from a clean process (memory,
/// threads, JIT state) and a scenario's leftovers never show in the next one's readings.
/// </summary>
internal static class ChildRun
{
    public const string OutputFlag = "--child-output";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<IReadOnlyList<Measurement>> RunAsync(string scenario, bool quick, string scratch, CancellationToken cancellationToken)
    {
        var output = Path.Combine(scratch, $"{scenario}.json");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };

        // Under "dotnet ChatBot.Benchmarks.dll" the process is the dotnet host: pass the program again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        }

        start.ArgumentList.Add(scenario);
        if (quick)
        {
            start.ArgumentList.Add("--quick");
        }

        start.ArgumentList.Add(OutputFlag);
        start.ArgumentList.Add(output);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        try
        {
            await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }

        if (child.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"The {scenario} scenario failed (exit code {child.ExitCode}).");
        }

        await using var stream = File.OpenRead(output);
        return await JsonSerializer.DeserializeAsync<List<Measurement>>(stream, Json, cancellationToken).ConfigureAwait(false) ?? [];
    }

    public static async Task WriteAsync(string path, IReadOnlyList<Measurement> measurements, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, measurements, Json, cancellationToken).ConfigureAwait(false);
    }
}
