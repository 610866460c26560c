namespace ChatBot.Host.Regions;

/// <summary>Why the region editor refuses a request: the HTTP status and the words the page shows.</summary>
internal sealed record RegionRefusal(int Status, string Message)
{
    public static RegionRefusal Forged { get; } = new(StatusCodes.Status403Forbidden,
        "This link is not valid: it was changed, or it is not one the bot made. Press Vary (Region) under the picture again for a new one.");

    public static RegionRefusal Expired { get; } = new(StatusCodes.Status410Gone,
        "This link has expired. Press Vary (Region) under the picture again for a new one.");

    public IResult ToResult() => Results.Json(new RegionError(Message), statusCode: Status);
}
