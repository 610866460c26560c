namespace ChatBot.Host.Playground;

/// <summary>
/// Who administers the Playground: the configured <see cref="PlaygroundOptions.Admin"/>, or else the first
/// user ever seen, remembered in <see cref="PlaygroundOptions.AdminFile"/> so a restart keeps the choice.
/// </summary>
internal sealed class PlaygroundAdmin(IOptions<PlaygroundOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _admin;

    public async Task<bool> IsAdminAsync(string userId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Admin))
        {
            return string.Equals(PlaygroundUser.ToUserId(options.Value.Admin), userId, StringComparison.Ordinal);
        }

        if (Volatile.Read(ref _admin) is { } known)
        {
            return string.Equals(known, userId, StringComparison.Ordinal);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _admin ??= await ReadOrClaimAsync(userId, cancellationToken).ConfigureAwait(false);
            return string.Equals(_admin, userId, StringComparison.Ordinal);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<string> ReadOrClaimAsync(string userId, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.AdminFile);
        if (File.Exists(path))
        {
            var stored = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
            if (stored.Length > 0)
            {
                return stored;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, userId + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return userId;
    }
}
