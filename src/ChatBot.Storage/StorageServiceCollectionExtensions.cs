using ChatBot.Core;
using ChatBot.Core.Audit;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Migration;
using ChatBot.Core.Platform;
using ChatBot.Core.Tenants;
using ChatBot.Core.Usage;
using ChatBot.Storage.Audit;
using ChatBot.Storage.Credits;
using ChatBot.Storage.Jobs;
using ChatBot.Storage.Media;
using ChatBot.Storage.Platform;
using ChatBot.Storage.Sqlite;
using ChatBot.Storage.Tenants;
using ChatBot.Storage.Usage;
using ChatBot.Storage.Workers;

namespace ChatBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite storage (section <c>Storage</c>): <see cref="IJobStore"/>, <see cref="ICreditLedger"/>,
    /// <see cref="IEventDeduplicator"/>, <see cref="IPlatformReplyStore"/>, <see cref="IMediaStore"/>, <see cref="ITenantSettingsStore"/> and <see cref="IMemberSettingsStore"/>, all singletons
    /// over one database file that is migrated at start-up.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);

        // Section Credits is bound by Core; without it the defaults apply.
        services.AddOptions<CreditOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<FileMediaStore>();
        services.AddSingleton<IJobStore, SqliteJobStore>();
        services.AddSingleton<ICreditLedger, SqliteCreditLedger>();
        services.AddSingleton<IEventDeduplicator, SqliteEventDeduplicator>();
        services.AddSingleton<IWorkerRegistry, SqliteWorkerRegistry>();
        services.AddSingleton<IPlatformReplyStore, SqlitePlatformReplyStore>();
        services.AddSingleton<IMediaStore>(sp => sp.GetRequiredService<FileMediaStore>());
        services.AddSingleton<ITenantSettingsStore, SqliteTenantSettingsStore>();
        services.AddSingleton<IMemberSettingsStore, SqliteMemberSettingsStore>();
        services.AddSingleton<MediaJanitor>();
        services.AddSingleton<IUsageStore, SqliteUsageStore>();
        services.AddSingleton<IStoreAudit, SqliteStoreAudit>();
        services.AddSingleton<IStoreExport, SqliteStoreExport>();
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<MediaJanitorService>();
        return services;
    }
}
