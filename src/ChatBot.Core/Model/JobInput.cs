
namespace ChatBot.Core.Model;

/// <summary>An input file of a job: its role and its key in the media store.</summary>
public sealed record JobInput(MediaRole Role, string MediaKey);
