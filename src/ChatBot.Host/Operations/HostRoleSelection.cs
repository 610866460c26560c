using ChatBot.Core;
using ChatBot.Host.Playground;

namespace ChatBot.Host.Operations;

/// <summary>
/// Applies <c>Host:Roles</c> while the host is composed: a role this process does not play loses its hosted services
/// (the services themselves stay: a jobs-only worker still edits Discord and Slack replies, a platforms-only one still
/// accepts commands and stores their jobs as queued for the workers that run them).
/// </summary>
internal static class HostRoleSelection
{
    public const string RolesSetting = "Host:Roles";

    /// <summary>Hosted services by the role they belong to (their types are internal to their projects).</summary>
    private static readonly Dictionary<string, HostRoles> s_roleOf = new(StringComparer.Ordinal)
    {
        ["ChatBot.Discord.Gateway.DiscordGatewayService"] = HostRoles.Platforms,
        ["ChatBot.Discord.Commands.CommandRegistrar"] = HostRoles.Platforms,
        ["ChatBot.Slack.SocketMode.SocketModeService"] = HostRoles.Platforms,
        ["ChatBot.Core.Jobs.JobEngineService"] = HostRoles.Jobs,
        ["ChatBot.Core.Jobs.UnwrittenEndingsService"] = HostRoles.Jobs,
        ["ChatBot.Storage.Media.MediaJanitorService"] = HostRoles.Jobs,
    };

    /// <summary>The hosted services <see cref="AddHostRoles"/> knows, for the test that keeps these names true.</summary>
    internal static IReadOnlyCollection<string> KnownServices => s_roleOf.Keys;

    public static HostRoles Read(IConfiguration configuration) =>
        TryParse(configuration[RolesSetting], out var roles, out _) ? roles : HostRoles.All;

    public static bool TryParse(string? text, out HostRoles roles, out string? unknown)
    {
        roles = HostRoles.None;
        unknown = null;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<HostRoles>(part, ignoreCase: true, out var role) || !Enum.IsDefined(role) || role == HostRoles.None || char.IsDigit(part[0]))
            {
                unknown = part;
                roles = HostRoles.All;
                return false;
            }

            roles |= role;
        }

        if (roles == HostRoles.None)
        {
            roles = HostRoles.All;
        }

        return true;
    }

    /// <summary>Registers <c>Host</c>'s options and removes the hosted services of the roles this process does not play.</summary>
    public static IServiceCollection AddHostRoles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HostOptions>(HostOptions.Section)
            .PostConfigure(options => options.SharedStore = StorageSelection.IsPostgres(configuration));
        var roles = Read(configuration);
        services.AddSingleton(new PlayedRoles(roles));
        services.AddHostedService<WorkerHeartbeat>();
        if (!roles.HasFlag(HostRoles.Playground))
        {
            services.PostConfigure<PlaygroundOptions>(options => options.Enabled = false);
        }

        if (!roles.HasFlag(HostRoles.Jobs))
        {
            services.WithoutJobWork();
        }

        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService))
            {
                continue;
            }

            if (descriptor.ImplementationType is { } type)
            {
                if (!Plays(roles, type))
                {
                    services.RemoveAt(i);
                }
            }
            else if (descriptor.ImplementationFactory is { } factory)
            {
                // Registered through a factory (the service is also resolved by its own type): its type shows once made.
                services[i] = ServiceDescriptor.Singleton<IHostedService>(sp =>
                {
                    var service = (IHostedService)factory(sp);
                    return Plays(roles, service.GetType()) ? service : new IdleHostedService();
                });
            }
        }

        return services;
    }

    private static bool Plays(HostRoles roles, Type type) =>
        !s_roleOf.TryGetValue(type.FullName ?? "", out var role) || roles.HasFlag(role);

    /// <summary>The roles this process was composed with.</summary>
    internal sealed record PlayedRoles(HostRoles Roles)
    {
        public bool Has(HostRoles role) => Roles.HasFlag(role);
    }

    private sealed class IdleHostedService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
