namespace ChatBot.Storage.Sqlite;

/// <summary>One schema step; <see cref="Version"/> is written to <c>PRAGMA user_version</c> with it.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
