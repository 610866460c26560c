namespace ChatBot.Core.Migration;

/// <summary>A store that can take over what another one holds (the target of <c>migrate</c>).</summary>
public interface IStoreImport
{
    /// <summary>Whether the store holds no row yet (migrate refuses a target that does).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Writes every table in one transaction (all or nothing); the number of rows per table.</summary>
    Task<IReadOnlyDictionary<string, long>> ImportAsync(IAsyncEnumerable<StoreTable> tables, CancellationToken cancellationToken);
}
