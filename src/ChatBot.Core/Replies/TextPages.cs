namespace ChatBot.Core.Replies;

/// <summary>Cuts a long answer (<c>/models</c>, <c>/help</c>) into pages a platform's message can hold, between lines where it can.</summary>
public static class TextPages
{
    /// <summary>The text in pages of at most <paramref name="pageLength"/> characters; always at least one page.</summary>
    public static IReadOnlyList<string> Split(string text, int pageLength)
    {
        var pages = new List<string>();
        var page = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            while (rest.Length > pageLength)
            {
                Flush();
                pages.Add(rest[..pageLength]);
                rest = rest[pageLength..];
            }

            if (page.Length + rest.Length + 1 > pageLength)
            {
                Flush();
            }

            page.Append(page.Length > 0 ? "\n" : "").Append(rest);
        }

        Flush();
        return pages.Count == 0 ? [""] : pages;

        void Flush()
        {
            if (page.Length > 0)
            {
                pages.Add(page.ToString());
                page.Clear();
            }
        }
    }
}
