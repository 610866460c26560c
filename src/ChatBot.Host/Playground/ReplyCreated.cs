namespace ChatBot.Host.Playground;

/// <summary>Answer of a message or button press: the reply that will show the outcome.</summary>
internal sealed record ReplyCreated(string ReplyId);
