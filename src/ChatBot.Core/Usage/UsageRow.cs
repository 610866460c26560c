namespace ChatBot.Core.Usage;

/// <summary>Jobs of one member, model, provider and state on one UTC day, and the credits they were charged.</summary>
public sealed record UsageRow(string UserId, string Model, string Provider, JobState State, DateOnly Day, long Jobs, long Credits);
