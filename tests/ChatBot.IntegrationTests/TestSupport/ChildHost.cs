using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>
/// The host as a real child process (<c>dotnet ChatBot.Host.dll</c>), configured through environment
/// variables, so a test can kill it mid-job the hard way and start it again on the same data.
/// </summary>
internal sealed partial class ChildHost : IDisposable
{
    private readonly Process _process;

    private ChildHost(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new PlaygroundClient(address);
    }

    public Uri Address { get; }

    public PlaygroundClient Client { get; }

    public static async Task<ChildHost> StartAsync(TempDirectory data, TimeSpan passDelay, CancellationToken cancellationToken)
    {
        var process = Process.Start(StartInfo(data, passDelay, ["--urls", "http://127.0.0.1:0"])) ?? throw new InvalidOperationException("dotnet did not start.");
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Watch(e.Data);
        process.ErrorDataReceived += (_, e) => Watch(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => address.TrySetException(new InvalidOperationException("The host exited during start-up:\n" + string.Join('\n', output)));

        using var registration = cancellationToken.Register(() => address.TrySetCanceled(cancellationToken));
        try
        {
            return new ChildHost(process, await address.Task);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        void Watch(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            if (ListeningPattern().Match(line) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }

    /// <summary>
    /// Runs the host with <paramref name="arguments"/> until it exits by itself (a start-up that must fail), and returns
    /// its exit code and what it wrote to standard output and standard error.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(TempDirectory data, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(data, TimeSpan.Zero, arguments)) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Ends the process at once, as a crash or an out-of-memory kill would: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary><c>dotnet ChatBot.Host.dll</c> in the data folder, with the test settings as <c>ChatBot__</c> environment variables.</summary>
    private static ProcessStartInfo StartInfo(TempDirectory data, TimeSpan passDelay, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data.Path,
        };
        start.ArgumentList.Add(HostAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in HostSettings.For(data, passDelay))
        {
            start.Environment[ChatBot.Host.ChatBotHost.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static string HostAssembly()
    {
        // The test output holds ChatBot.Host.dll with its runtimeconfig (a referenced executable project).
        var path = Path.Combine(AppContext.BaseDirectory, "ChatBot.Host.dll");
        File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")).ShouldBeTrue($"{path} has no runtimeconfig beside it.");
        return path;
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
