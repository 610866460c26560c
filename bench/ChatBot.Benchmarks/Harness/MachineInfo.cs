using System.Runtime;
using System.Runtime.InteropServices;

namespace ChatBot.Benchmarks.Harness;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(
    string Host,
    int Cores,
    double MemoryGiB,
    string Os,
    string Cpu,
    string Runtime,
    string Gc,
    string Storage,
    string LoadAverage)
{
    public static MachineInfo Read(string dataDirectory) => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        CpuModel(),
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC ? "server" : "workstation",
        FileSystem(dataDirectory),
        ReadLoadAverage());

    public override string ToString() =>
        $"{Cores} cores ({Cpu}), {MemoryGiB:0.#} GiB, {Os}, {Runtime}, {Gc} GC, data on {Storage}; load average at start {LoadAverage}";

    /// <summary>The 1, 5 and 15 minute load averages: how much else wanted the cores while the bench ran.</summary>
    public static string ReadLoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string FileSystem(string directory)
    {
        try
        {
            var full = Path.GetFullPath(directory);
            var drive = DriveInfo.GetDrives()
                .Where(d => full.StartsWith(d.RootDirectory.FullName, StringComparison.Ordinal))
                .MaxBy(d => d.RootDirectory.FullName.Length);
            return drive is null ? "unknown" : $"{drive.DriveFormat} ({drive.RootDirectory.FullName})";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
