namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>Runs concurrent callers that all start at the same moment, as racing commands or processes would.</summary>
internal static class Racers
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> racer)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await racer(i);
            }))
            .ToList();
        start.SetResult();
        return await Task.WhenAll(racers);
    }
}
