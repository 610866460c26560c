namespace ChatBot.Host.Regions;

/// <summary>The region editor's answer to a submit: the job started (or the bot's answer) in words for the member.</summary>
internal sealed record RegionStarted(string? JobId, string Message);
