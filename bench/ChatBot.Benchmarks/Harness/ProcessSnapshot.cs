using System.Diagnostics;

namespace ChatBot.Benchmarks.Harness;

/// <summary>The process's CPU time, resident memory, managed heap and threads at one moment.</summary>
internal readonly record struct ProcessSnapshot(TimeSpan Cpu, long WorkingSet, long ManagedHeap, int Threads, TimeSpan Wall)
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static ProcessSnapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessSnapshot(process.TotalProcessorTime, process.WorkingSet64, GC.GetTotalMemory(false), process.Threads.Count, Clock.Elapsed);
    }

    /// <summary>Share of one core used between two snapshots (1.0 = one core busy).</summary>
    public static double CoresBusy(ProcessSnapshot before, ProcessSnapshot after) =>
        (after.Cpu - before.Cpu).TotalSeconds / Math.Max(1e-9, (after.Wall - before.Wall).TotalSeconds);

    /// <summary>Collects garbage fully, so a following reading starts from what is really alive.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
