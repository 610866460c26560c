using ChatBot.Core.Jobs;
using ChatBot.Core.Model;
using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>
/// The real SQLite job store, except that while <see cref="Full"/> is set a job's ending cannot be written: it
/// throws the error SQLite gives for a full database or disk (SQLITE_FULL, code 13), as the real file did in the
/// issue's run. Counts the attempts so a test can wait for the engine's retry.
/// </summary>
internal sealed class FullDiskJobStore(IJobStore inner) : PassThroughJobStore(inner)
{
    private readonly SemaphoreSlim _attempts = new(0);

    private volatile bool _full;

    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    /// <summary>Replaces the host's job store with this wrapper around it; read it back with <c>GetService&lt;IJobStore&gt;()</c>.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IJobStore));
        services.Remove(real);
        services.AddSingleton<IJobStore>(sp => new FullDiskJobStore((IJobStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
    }

    /// <summary>Waits until an ending has been refused <paramref name="count"/> more times.</summary>
    public async Task WaitForRefusedEndingsAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await _attempts.WaitAsync(cancellationToken);
        }
    }

    public override Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken, string? owner = null)
    {
        if (Full)
        {
            _attempts.Release();
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        }

        return Inner.FailAsync(jobId, terminal, reason, cancellationToken, owner);
    }
}
