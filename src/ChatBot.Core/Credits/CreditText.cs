using ChatBot.Core.Catalog;

namespace ChatBot.Core.Credits;

/// <summary>How credits read in replies, in one place so every command words them alike.</summary>
internal static class CreditText
{
    /// <summary>"1 credit", "5 credits".</summary>
    public static string Amount(long credits) => credits == 1 ? "1 credit" : $"{credits} credits";

    /// <summary>A model's price as /models lists it: "2 per request + 1 per image", or "free".</summary>
    public static string Price(ModelPrice price)
    {
        var parts = new List<string>(3);
        if (price.PerRequest > 0)
        {
            parts.Add($"{price.PerRequest} per request");
        }

        if (price.PerOutput > 0)
        {
            parts.Add($"{price.PerOutput} per image");
        }

        if (price.PerSecond > 0)
        {
            parts.Add($"{price.PerSecond} per second");
        }

        return parts.Count == 0 ? "free" : string.Join(" + ", parts);
    }
}
