namespace ChatBot.Core.Replies;

/// <summary>What a job costs its member as its reply shows it: quoted (awaiting confirmation), reserved, or charged.</summary>
public sealed record ReplyCost(long Credits, ReplyCostState State);
