namespace ChatBot.Host.Regions;

/// <summary>What the region editor page shows for a valid link: the picture, its size, its prompt and who may paint.</summary>
internal sealed record RegionInfo(string ImageUrl, int? Width, int? Height, string Prompt, string User, DateTimeOffset ExpiresAt);
