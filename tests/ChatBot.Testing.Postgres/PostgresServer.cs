using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace ChatBot.Testing.Postgres;

/// <summary>
/// A throw-away PostgreSQL 15 cluster for one test run: <c>initdb</c> in a fresh temp directory, started with
/// <c>pg_ctl</c> on a free loopback port (its unix socket in the same directory, never the system's), stopped and
/// deleted on dispose. PostgreSQL refuses to run as root and CI runs as root, so as root every server command runs as
/// the <c>postgres</c> system user (<c>runuser -u postgres --</c>), which then owns the directory. Durability is
/// switched off (no fsync): a test database is thrown away anyway, and that makes each one cheap.
/// Use it as an xUnit collection fixture: each test project declares its own collection of it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IDisposable
{
    /// <summary>Where Debian's postgresql-15 puts the server binaries.</summary>
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private const string SuperUser = "postgres";
    private static readonly bool IsRoot = Environment.UserName == "root";
    private int _nextDatabase;
    private bool _started;

    public PostgresServer()
    {
        Root = Path.Combine(Path.GetTempPath(), "chatbot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        DataDirectory = Path.Combine(Root, "data");
    }

    /// <summary>The cluster's directory: data, log and unix socket.</summary>
    public string Root { get; }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    /// <summary>Whether the server binaries are on this machine (<c>.ci/run</c> installs them where missing).</summary>
    public static bool IsInstalled => File.Exists(Path.Combine(BinDirectory, "initdb"));

    /// <summary>The superuser's connection string for <paramref name="database"/> (trust auth on loopback: no password).</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        Timeout = 30,
        CommandTimeout = 60,
    }.ToString();

    public async Task InitializeAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/initdb is missing): apt-get install postgresql.");
        }

        Directory.CreateDirectory(Root);
        if (IsRoot)
        {
            await RunAsync("chown", [SuperUser, Root], asServerUser: false);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", DataDirectory, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--locale=C", "--no-sync"], asServerUser: true);
        _started = true;

        // A free port can be taken between asking and binding; a second try with a new one settles that.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={Root} -c max_connections=300 "
                + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB";
            try
            {
                await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(Root, "server.log"), "-o", options, "-w", "-t", "60", "start"], asServerUser: true);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// A new, empty database (a copy of <paramref name="template"/>, by default PostgreSQL's pristine <c>template0</c>);
    /// returns its connection string. Cheap: PostgreSQL copies the template's files.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "test_" + Interlocked.Increment(ref _nextDatabase).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template ?? "template0"};", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            _started = false;
            try
            {
                RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asServerUser: true).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Already stopped (or never started): the directory goes anyway.
            }
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a command to its end; throws with its output when it fails.</summary>
    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asServerUser)
    {
        var start = new ProcessStartInfo
        {
            FileName = asServerUser && IsRoot ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServerUser && IsRoot)
        {
            foreach (var argument in new[] { "-u", SuperUser, "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error} {await output}");
        }
    }
}
