namespace ChatBot.Core.Migration;

/// <summary>A store that can hand over all it holds (the source of <c>migrate</c>).</summary>
public interface IStoreExport
{
    /// <summary>Every table, parents before the tables that refer to them; each read while it is enumerated.</summary>
    IAsyncEnumerable<StoreTable> ExportAsync(CancellationToken cancellationToken);
}
