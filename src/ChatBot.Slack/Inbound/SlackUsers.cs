using ChatBot.Core.Platform;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Who is who: the bot's own user id (auth.test) and whether a member is an admin — listed in
/// <see cref="SlackOptions.AdminUserIds"/>, or a workspace admin or owner per users.info (cached).
/// </summary>
internal sealed class SlackUsers(SlackApiClient api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackUsers> logger)
{
    private readonly ConcurrentDictionary<string, (bool IsAdmin, string Name, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _identityLock = new(1, 1);
    private string? _botUserId;

    public async Task<string> BotUserIdAsync(CancellationToken cancellationToken)
    {
        if (_botUserId is { } known)
        {
            return known;
        }

        await _identityLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_botUserId is null)
            {
                var answer = await api.CallFormAsync("auth.test", new Dictionary<string, string>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
                _botUserId = answer.GetProperty("user_id").GetString() ?? "";
            }

            return _botUserId;
        }
        finally
        {
            _identityLock.Release();
        }
    }

    /// <summary>
    /// The member as the engine sees them. Whether they are an admin is looked up only for admin commands and
    /// for Cancel (an admin may cancel anyone's job); a failed look-up counts as "not an admin".
    /// </summary>
    /// <param name="needsAdmin">Whether the command acts on another member (<c>/credits @member</c>), which only admins may.</param>
    public async Task<Actor> ActorAsync(SlackOrigin origin, CommandKind kind, CancellationToken cancellationToken, bool needsAdmin = false)
    {
        var isAdmin = false;
        if (kind.IsAdminOnly() || kind == CommandKind.Cancel || needsAdmin)
        {
            try
            {
                isAdmin = await IsAdminAsync(origin.UserId, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException ex)
            {
                logger.ApiFailed("users.info", ex.Error);
            }
        }

        return new Actor(PlatformNames.Slack, origin.TeamId, origin.UserId, origin.UserName.Length > 0 ? origin.UserName : origin.UserId, isAdmin);
    }

    public async Task<bool> IsAdminAsync(string userId, CancellationToken cancellationToken)
    {
        if (options.Value.AdminUserIds.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        return (await LookUpAsync(userId, cancellationToken).ConfigureAwait(false)).IsAdmin;
    }

    public async Task<string> DisplayNameAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            return (await LookUpAsync(userId, cancellationToken).ConfigureAwait(false)).Name;
        }
        catch (SlackApiException)
        {
            return userId;
        }
    }

    private async Task<(bool IsAdmin, string Name)> LookUpAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && cached.Until > now)
        {
            return (cached.IsAdmin, cached.Name);
        }

        var answer = await api.CallFormAsync("users.info", new Dictionary<string, string>(StringComparer.Ordinal) { ["user"] = userId }, cancellationToken).ConfigureAwait(false);
        var user = answer.GetProperty("user");
        var isAdmin = Flag(user, "is_admin") || Flag(user, "is_owner") || Flag(user, "is_primary_owner");
        var name = user.TryGetProperty("profile", out var profile) && profile.TryGetProperty("display_name", out var d) && d.GetString() is { Length: > 0 } display
            ? display
            : user.TryGetProperty("name", out var n) ? n.GetString() ?? userId : userId;
        _cache[userId] = (isAdmin, name, now + options.Value.AdminCacheDuration);
        return (isAdmin, name);
    }

    private static bool Flag(JsonElement user, string name) =>
        user.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
