namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>A reply's <c>cost</c>: credits and whether they are quoted, reserved or charged.</summary>
internal sealed record CostState(long Credits, string State);
