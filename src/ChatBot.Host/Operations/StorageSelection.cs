using ChatBot.Core;
using ChatBot.Storage;
using ChatBot.Storage.Postgres;

namespace ChatBot.Host.Operations;

/// <summary>
/// Registers the store <c>Storage:Provider</c> names. The choice is made while the host is composed, from the settings
/// files, the environment and the command line; <see cref="CheckUnchanged"/> refuses a provider set any later.
/// </summary>
internal static class StorageSelection
{
    public const string ProviderSetting = "Storage:Provider";

    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration[ProviderSetting]?.Trim(), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageProviderOptions>(StorageProviderOptions.Section);
        var postgres = IsPostgres(configuration);
        services.AddSingleton(new StorageChoice(postgres));
        return postgres ? services.AddPostgresStorage() : services.AddSqliteStorage();
    }

    /// <summary>Throws when the provider the services were composed for is not the one the final settings name.</summary>
    public static void CheckUnchanged(IServiceProvider services, IConfiguration configuration)
    {
        if (services.GetRequiredService<StorageChoice>().IsPostgres != IsPostgres(configuration))
        {
            throw new InvalidOperationException(
                $"{ProviderSetting} changed after the host was composed: set it in appsettings, the environment or the command line.");
        }
    }

    /// <summary>The start-up summary's storage line: the store, where it is (host and database only, never the credentials), the media directory.</summary>
    public static string Describe(IServiceProvider services)
    {
        if (services.GetRequiredService<StorageChoice>().IsPostgres)
        {
            var postgres = services.GetRequiredService<IOptions<PostgresStorageOptions>>().Value;
            return $"Database: PostgreSQL {postgres.Describe()}; media: {Path.GetFullPath(postgres.MediaPath)} (shared by every worker)";
        }

        var sqlite = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return $"Database: SQLite {Path.GetFullPath(sqlite.DatabasePath)}; media: {Path.GetFullPath(sqlite.MediaPath)}";
    }

    /// <summary>Which store the services were composed with.</summary>
    internal sealed record StorageChoice(bool IsPostgres);
}
