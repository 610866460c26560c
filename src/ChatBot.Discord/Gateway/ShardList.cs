namespace ChatBot.Discord.Gateway;

/// <summary>Reads <c>Discord:Shards</c>: ranges and single ids separated by commas (<c>0-3</c>, <c>0,2</c>, <c>0-1,4</c>).</summary>
internal static class ShardList
{
    /// <summary>The distinct ids in order; null when the text is empty or not a list of shard ids.</summary>
    public static IReadOnlyList<int>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var ids = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                || to < from || to - from > 10_000)
            {
                return null;
            }

            for (var id = from; id <= to; id++)
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }
}
