namespace ChatBot.Core.Replies;

/// <summary>Encodes and decodes button ids: <c>cb:{action}:{jobId}[:{index}]</c>, at most 100 characters.</summary>
public static class ButtonId
{
    private const string Prefix = "cb:";

    public static string Encode(ButtonAction action, string jobId, int? outputIndex = null)
    {
        var id = outputIndex is { } index
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{action}:{jobId}:{index}")
            : $"{Prefix}{action}:{jobId}";
        return id.Length <= 100 ? id : throw new ArgumentException("A button id is at most 100 characters.", nameof(jobId));
    }

    public static bool TryDecode(string? id, out ButtonAction action, out string jobId, out int? outputIndex)
    {
        action = default;
        jobId = "";
        outputIndex = null;
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = id[Prefix.Length..].Split(':');
        if (parts.Length is < 2 or > 3 || !Enum.TryParse(parts[0], ignoreCase: false, out action) || parts[1].Length == 0)
        {
            return false;
        }

        jobId = parts[1];
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return false;
            }

            outputIndex = index;
        }

        return true;
    }
}
