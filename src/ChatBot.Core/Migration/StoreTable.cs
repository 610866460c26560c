namespace ChatBot.Core.Migration;

/// <summary>
/// One table of a store as <c>migrate</c> copies it: its name, its columns and its rows in the order they were written
/// (values are long, double, string, byte[] or null). Both stores name tables and columns alike.
/// </summary>
public sealed record StoreTable(string Name, IReadOnlyList<string> Columns, IAsyncEnumerable<object?[]> Rows);
