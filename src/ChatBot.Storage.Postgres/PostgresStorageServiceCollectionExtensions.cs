using ChatBot.Core;
using ChatBot.Core.Audit;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Migration;
using ChatBot.Core.Platform;
using ChatBot.Core.Tenants;
using ChatBot.Core.Usage;
using ChatBot.Storage.Postgres.Audit;
using ChatBot.Storage.Postgres.Credits;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.Jobs;
using ChatBot.Storage.Postgres.Media;
using ChatBot.Storage.Postgres.Platform;
using ChatBot.Storage.Postgres.Tenants;
using ChatBot.Storage.Postgres.Usage;
using ChatBot.Storage.Postgres.Workers;

namespace ChatBot.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL storage (section <c>Storage</c>, <c>Storage:ConnectionString</c>): every store contract of
    /// Core (<see cref="IJobStore"/>, <see cref="ICreditLedger"/>, <see cref="IEventDeduplicator"/>, <see cref="IPlatformReplyStore"/>, <see cref="IMediaStore"/>,
    /// <see cref="ITenantSettingsStore"/>, <see cref="IUsageStore"/>), all singletons over one pooled data source; the
    /// database is migrated at start-up.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<PostgresStorageOptions>(PostgresStorageOptions.Section);

        // Section Credits is bound by Core; without it the defaults apply.
        services.AddOptions<CreditOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<PostgresMediaStore>();
        services.AddSingleton<IJobStore, PostgresJobStore>();
        services.AddSingleton<ICreditLedger, PostgresCreditLedger>();
        services.AddSingleton<IEventDeduplicator, PostgresEventDeduplicator>();
        services.AddSingleton<IWorkerRegistry, PostgresWorkerRegistry>();
        services.AddSingleton<IPlatformReplyStore, PostgresPlatformReplyStore>();
        services.AddSingleton<IMediaStore>(sp => sp.GetRequiredService<PostgresMediaStore>());
        services.AddSingleton<ITenantSettingsStore, PostgresTenantSettingsStore>();
        services.AddSingleton<IMemberSettingsStore, PostgresMemberSettingsStore>();
        services.AddSingleton<IUsageStore, PostgresUsageStore>();
        services.AddSingleton<IStoreAudit, PostgresStoreAudit>();
        services.AddSingleton<IStoreImport, PostgresStoreImport>();
        services.AddHostedService<PostgresInitializer>();
        return services;
    }
}
