namespace ChatBot.Benchmarks.Harness;

/// <summary>What every scenario gets: quick or full mode, the repository root, a scratch folder and a log line writer.</summary>
internal sealed class BenchContext(bool quick, string repositoryRoot, string scratch)
{
    /// <summary>At least five repetitions of every figure, in quick mode too.</summary>
    public const int Repetitions = 5;

    public bool Quick { get; } = quick;

    public string RepositoryRoot { get; } = repositoryRoot;

    /// <summary>A fresh folder under the scratch directory (deleted when the run ends).</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(scratch, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Log(string line) => Console.WriteLine($"  · {line}");
}
