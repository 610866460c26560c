namespace ChatBot.Core.Tests.Commands.Handlers;

/// <summary>Requests as an adapter would hand them to a handler: from Alice, a member of tenant t1, unless said otherwise.</summary>
internal static class HandlerRequests
{
    public static readonly Actor Alice = new("test", "t1", "alice", "Alice", IsAdmin: false);

    public static CommandRequest For(CommandKind kind, CommandOptions? options = null, Actor? actor = null) =>
        new(kind, actor ?? Alice, new Conversation("c1"), options ?? new CommandOptions(), [], new ReplyHandle("test", "r1"));
}
