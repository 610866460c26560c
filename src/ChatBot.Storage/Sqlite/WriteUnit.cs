namespace ChatBot.Storage.Sqlite;

/// <summary>
/// One caller's work waiting for the writer (<see cref="SqliteDatabase.WriteAsync{T}"/>). It runs at most once, inside
/// a batch's transaction; its caller learns the outcome only after that transaction committed (or failed to).
/// Cancelled before it starts, it never runs; once started it runs to its end.
/// </summary>
internal abstract class WriteUnit
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Cancelled = 2;
    private int _state;

    /// <summary>The exception the work threw, if it did.</summary>
    public Exception? Error { get; protected set; }

    /// <summary>Claims the unit for running; false when its caller cancelled it first.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Runs the work; true when what it wrote is to stay (it neither threw nor aborted).</summary>
    public abstract bool Run(WriteTransaction transaction);

    /// <summary>After the commit: the caller gets the work's result, or the exception the work threw.</summary>
    public abstract void Deliver();

    /// <summary>The batch did not commit: the caller gets <paramref name="exception"/>, whatever the work returned.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Marks a unit that has not started as cancelled; false when it has started (it then runs to its end).</summary>
    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
}

/// <inheritdoc cref="WriteUnit"/>
internal sealed class WriteUnit<T> : WriteUnit
{
    private readonly Func<WriteTransaction, T> _work;
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private T? _result;

    public WriteUnit(Func<WriteTransaction, T> work, CancellationToken cancellationToken)
    {
        _work = work;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var unit = (WriteUnit<T>)state!;
                    if (unit.TryCancel())
                    {
                        unit._done.TrySetCanceled(token);
                    }
                },
                this);
        }
    }

    public Task<T> Task => _done.Task;

    public override bool Run(WriteTransaction transaction)
    {
        try
        {
            _result = _work(transaction);
            return !transaction.IsAborted;
        }
        catch (Exception exception)
        {
            Error = exception;
            return false;
        }
    }

    public override void Deliver()
    {
        _registration.Dispose();
        if (Error is not null)
        {
            _done.TrySetException(Error);
        }
        else
        {
            _done.TrySetResult(_result!);
        }
    }

    public override void Fail(Exception exception)
    {
        _registration.Dispose();
        _done.TrySetException(exception);
    }
}
