using ChatBot.Core.Media;

namespace ChatBot.Core.Providers;

/// <summary>An input file of a job, already checked and stored.</summary>
public sealed record MediaInput(MediaRole Role, StoredMedia Media, Func<CancellationToken, Task<Stream>> OpenAsync);
