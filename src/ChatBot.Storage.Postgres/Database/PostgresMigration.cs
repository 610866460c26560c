namespace ChatBot.Storage.Postgres.Database;

/// <summary>One schema step, recorded in <c>schema_version</c> in the transaction that applies it.</summary>
internal sealed record PostgresMigration(int Version, string Description, string Sql);
