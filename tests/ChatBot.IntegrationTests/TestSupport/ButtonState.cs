namespace ChatBot.IntegrationTests.TestSupport;

internal sealed record ButtonState(string Id, string Label, string Action);
