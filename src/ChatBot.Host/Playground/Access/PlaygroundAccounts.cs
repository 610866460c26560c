using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace ChatBot.Host.Playground.Access;

/// <summary>
/// The Playground's accounts: the admin (the configured <c>Playground:AdminPassword</c>) and the members, whose names
/// and password hashes (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: PBKDF2, salted) are kept in
/// <c>Playground:AccountsFile</c>, and the invite links an admin hands out (in memory, single use, a week long).
/// </summary>
internal sealed class PlaygroundAccounts(IOptions<PlaygroundOptions> options, TimeProvider time) : IDisposable
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    private static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly PasswordHasher<string> _hasher = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _invites = new(StringComparer.Ordinal);
    private readonly Lazy<string> _decoy = new(() => new PasswordHasher<string>().HashPassword("", Secrets.NewToken()));
    private Dictionary<string, StoredMember>? _members;

    /// <summary>The account the name and password sign in to, or null (the same work is done for an unknown name).</summary>
    public async Task<PlaygroundIdentity?> CheckAsync(string name, string password, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var userId = PlaygroundUser.ToUserId(name);
        if (string.Equals(userId, settings.AdminUserId, StringComparison.Ordinal))
        {
            return Secrets.Equal(password, settings.AdminPassword) ? Admin() : null;
        }

        var members = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var member = members.GetValueOrDefault(userId);
        var verified = _hasher.VerifyHashedPassword(userId, member?.PasswordHash ?? _decoy.Value, password);
        return member is not null && verified != PasswordVerificationResult.Failed ? new PlaygroundIdentity(member.Name, IsAdmin: false) : null;
    }

    /// <summary>The admin account, as the one-time start-up link signs it in.</summary>
    public PlaygroundIdentity Admin() =>
        new(string.IsNullOrWhiteSpace(options.Value.Admin) ? "admin" : options.Value.Admin.Trim().TrimStart('@'), IsAdmin: true);

    /// <summary>Creates a member account; the error says what to change.</summary>
    public async Task<(PlaygroundIdentity? Member, string? Error)> RegisterAsync(string name, string password, string? invite, CancellationToken cancellationToken)
    {
        var invited = invite is { Length: > 0 } && _invites.TryGetValue(invite, out var expires) && expires > time.GetUtcNow();
        if (!invited && !options.Value.AllowRegistration)
        {
            return (null, invite is { Length: > 0 }
                ? "That invite link is unknown, used or expired: ask the admin for a new one."
                : "Accounts are by invitation: ask the admin for an invite link.");
        }

        if (password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            return (null, $"Choose a password of {MinPasswordLength} to {MaxPasswordLength} characters.");
        }

        var display = name.Trim().TrimStart('@');
        var userId = PlaygroundUser.ToUserId(display);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var members = await LoadLockedAsync(cancellationToken).ConfigureAwait(false);
            if (members.ContainsKey(userId) || string.Equals(userId, options.Value.AdminUserId, StringComparison.Ordinal))
            {
                return (null, $"The name {display} is taken: pick another.");
            }

            if (invited && !_invites.TryRemove(invite!, out _))
            {
                return (null, "That invite link was just used: ask the admin for a new one.");
            }

            members[userId] = new StoredMember(display, _hasher.HashPassword(userId, password));
            await SaveAsync(members, cancellationToken).ConfigureAwait(false);
            return (new PlaygroundIdentity(display, IsAdmin: false), null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new single-use invite code, valid for a week.</summary>
    public string CreateInvite()
    {
        var now = time.GetUtcNow();
        foreach (var (code, expires) in _invites)
        {
            if (expires <= now)
            {
                _invites.TryRemove(code, out _);
            }
        }

        var invite = Secrets.NewToken();
        _invites[invite] = now + InviteLifetime;
        return invite;
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Dictionary<string, StoredMember>> LoadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _members) is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, StoredMember>> LoadLockedAsync(CancellationToken cancellationToken)
    {
        if (_members is not null)
        {
            return _members;
        }

        var path = Path.GetFullPath(options.Value.AccountsFile);
        var members = new Dictionary<string, StoredMember>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                var file = await JsonSerializer.DeserializeAsync<StoredAccounts>(stream, FileJson, cancellationToken).ConfigureAwait(false);
                foreach (var member in file?.Members ?? [])
                {
                    members[PlaygroundUser.ToUserId(member.Name)] = member;
                }
            }
        }

        Volatile.Write(ref _members, members);
        return members;
    }

    private async Task SaveAsync(Dictionary<string, StoredMember> members, CancellationToken cancellationToken)
    {
        // Owner-only, written beside and moved over, so a crash leaves the old file or the new one.
        var path = Path.GetFullPath(options.Value.AccountsFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(temporary, fileOptions);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, new StoredAccounts([.. members.Values.OrderBy(m => m.Name, StringComparer.Ordinal)]), FileJson, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed record StoredAccounts(IReadOnlyList<StoredMember> Members);

    private sealed record StoredMember(string Name, string PasswordHash);
}
