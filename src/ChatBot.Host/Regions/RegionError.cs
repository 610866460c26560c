namespace ChatBot.Host.Regions;

/// <summary>The body of a refused region-editor request.</summary>
internal sealed record RegionError(string Error);
