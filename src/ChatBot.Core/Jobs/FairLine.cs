namespace ChatBot.Core.Jobs;

/// <summary>
/// The jobs waiting to run, one line per member, served in turns (round-robin): a member whose turn is
/// used goes to the back of the ring, so one member's pile of jobs cannot starve the others.
/// Not thread-safe: <see cref="JobScheduler"/> holds its lock around every call.
/// </summary>
internal sealed class FairLine
{
    private readonly Dictionary<AccountKey, LinkedList<JobRecord>> _queues = [];
    private readonly LinkedList<AccountKey> _ring = new();

    /// <summary>Jobs waiting, over all members.</summary>
    public int Count { get; private set; }

    /// <summary>Jobs one member has waiting.</summary>
    public int CountOf(AccountKey account) => _queues.TryGetValue(account, out var queue) ? queue.Count : 0;

    public void Add(JobRecord job)
    {
        if (!_queues.TryGetValue(job.Account, out var queue))
        {
            queue = new LinkedList<JobRecord>();
            _queues[job.Account] = queue;
            _ring.AddLast(job.Account);
        }

        queue.AddLast(job);
        Count++;
    }

    /// <summary>Takes a waiting job out of the line; null when it is not waiting.</summary>
    public JobRecord? Remove(string jobId)
    {
        foreach (var (account, queue) in _queues)
        {
            var node = queue.First;
            while (node is not null && node.Value.Id != jobId)
            {
                node = node.Next;
            }

            if (node is null)
            {
                continue;
            }

            queue.Remove(node);
            Count--;
            if (queue.Count == 0)
            {
                _queues.Remove(account);
                _ring.Remove(account);
            }

            return node.Value;
        }

        return null;
    }

    /// <summary>
    /// Takes the next job whose turn it is: the first job of the first member in the ring whose first
    /// job <paramref name="canStart"/> allows. That member goes to the back of the ring.
    /// </summary>
    public JobRecord? TakeNext(Func<JobRecord, bool> canStart)
    {
        for (var node = _ring.First; node is not null; node = node.Next)
        {
            var account = node.Value;
            var queue = _queues[account];
            var job = queue.First!.Value;
            if (!canStart(job))
            {
                continue;
            }

            queue.RemoveFirst();
            Count--;
            _ring.Remove(node);
            if (queue.Count == 0)
            {
                _queues.Remove(account);
            }
            else
            {
                _ring.AddLast(account); // Their turn is used: to the back of the ring.
            }

            return job;
        }

        return null;
    }

    /// <summary>The waiting jobs in the order they will run: each member's next job in ring order, then their second, and so on.</summary>
    public IEnumerable<JobRecord> InOrder()
    {
        var cursors = _ring.Select(a => _queues[a].First).ToArray();
        var any = true;
        while (any)
        {
            any = false;
            for (var i = 0; i < cursors.Length; i++)
            {
                if (cursors[i] is not { } node)
                {
                    continue;
                }

                any = true;
                yield return node.Value;
                cursors[i] = node.Next;
            }
        }
    }
}
