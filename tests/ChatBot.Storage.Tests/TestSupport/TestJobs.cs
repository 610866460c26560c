using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Jobs;

namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>Builders for jobs in tests.</summary>
internal static class TestJobs
{
    public static readonly AccountKey Alice = new("playground", "local", "alice");
    public static readonly AccountKey Bob = new("playground", "local", "bob");

    public static JobSpec Spec(string model = "local-sketch", MediaOperation operation = MediaOperation.Imagine) => new()
    {
        Kind = CommandKind.Imagine,
        Operation = operation,
        ModelId = model,
        Options = new CommandOptions { Prompt = "a lighthouse at dusk", AspectRatio = "16:9", Count = 1, Seed = 42 },
        Conversation = new Conversation("general"),
        DisplayName = "Alice",
    };

    public static NewJob New(AccountKey account, long price, string? id = null, string model = "local-sketch") =>
        new(id ?? "j" + Guid.NewGuid().ToString("N")[..12], account, Spec(model), new ReplyHandle("playground", "reply-1"), "local", price);
}
