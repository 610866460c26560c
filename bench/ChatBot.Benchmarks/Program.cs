using System.Diagnostics;
using ChatBot.Benchmarks;
using ChatBot.Benchmarks.Harness;

// dotnet run -c Release --project bench/ChatBot.Benchmarks -- all [--quick]
// dotnet run -c Release --project bench/ChatBot.Benchmarks -- ledger relay --quick
// Each scenario runs in a child process of its own (--in-process keeps them in this one).
var quick = args.Contains("--quick", StringComparer.OrdinalIgnoreCase);
var inProcess = args.Contains("--in-process", StringComparer.OrdinalIgnoreCase);
var childOutput = args.SkipWhile(a => a != ChildRun.OutputFlag).Skip(1).FirstOrDefault();
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != childOutput).ToList();
var scenarios = ScenarioList.All().Concat(ScenarioList.Extra()).ToList();
if (names.Count == 0 || args.Contains("--help", StringComparer.OrdinalIgnoreCase))
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/ChatBot.Benchmarks -- (all | <scenario>...) [--quick] [--in-process]");
    foreach (var s in scenarios)
    {
        Console.WriteLine($"  {s.Name,-11} {s.Description}");
    }

    return names.Count == 0 ? 1 : 0;
}

var chosen = names.Contains("all", StringComparer.OrdinalIgnoreCase)
    ? ScenarioList.All()
    : names.Select(n => scenarios.FirstOrDefault(s => s.Name.Equals(n, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scenario '{n}'. Known: {string.Join(", ", scenarios.Select(s => s.Name))}.")).ToList();

var root = ScenarioList.FindRepositoryRoot();
var scratch = Path.Combine(Path.GetTempPath(), $"chatbot-bench-{Environment.ProcessId}");
Directory.CreateDirectory(scratch);
var context = new BenchContext(quick, root, scratch);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var isChild = childOutput is not null;
var machine = MachineInfo.Read(scratch);
if (!isChild)
{
    Console.WriteLine($"ChatBot benchmarks ({(quick ? "quick" : "full")}) on {machine}");
}

var started = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var results = new List<Measurement>();
try
{
    foreach (var scenario in chosen)
    {
        if (isChild)
        {
            results.AddRange(await scenario.RunAsync(context, cancel.Token));
            continue;
        }

        Console.WriteLine($"\n== {scenario.Name}: {scenario.Description}");
        var watch = Stopwatch.StartNew();
        var figures = inProcess || chosen.Count == 1
            ? await scenario.RunAsync(context, cancel.Token)
            : await ChildRun.RunAsync(scenario.Name, quick, scratch, cancel.Token);
        results.AddRange(figures);
        Console.WriteLine($"  ({watch.Elapsed.TotalSeconds:0} s)");
        Console.Write(ResultReport.Table(figures));
    }
}
finally
{
    try
    {
        Directory.Delete(scratch, recursive: true);
    }
    catch (IOException)
    {
        // A file still held open; the temp folder is cleaned by the OS eventually.
    }
}

if (isChild)
{
    await ChildRun.WriteAsync(childOutput!, results, CancellationToken.None);
    return 0;
}

Console.WriteLine($"\n== all figures ({clock.Elapsed.TotalMinutes:0.0} min; median of {BenchContext.Repetitions} repetitions, min and max; load average at the end {MachineInfo.ReadLoadAverage()})");
Console.Write(ResultReport.Table(results));
foreach (var note in results.Where(r => r.Note is not null))
{
    Console.WriteLine($"  {note.Scenario}/{note.Metric}: {note.Note}");
}

var rows = TargetRows.From(results);
if (rows.Count > 0)
{
    Console.WriteLine($"\n== the README's performance rows (issues 15 and 14), {(quick ? "quick run: figures for a smoke test only" : "full run")}");
    Console.WriteLine(TargetRows.Header);
    foreach (var row in rows)
    {
        Console.WriteLine(row);
    }
}

var output = Path.Combine(root, "bench", "results", "latest.json");
await ResultReport.WriteAsync(output, machine, quick, started, clock.Elapsed, results, rows, CancellationToken.None);
Console.WriteLine($"\nwritten to {Path.GetRelativePath(Directory.GetCurrentDirectory(), output)}");
return 0;
