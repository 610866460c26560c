using ChatBot.Host;

var app = ChatBotHost.Build(ChatBotHost.CreateBuilder(args));
await app.RunAsync().ConfigureAwait(false);
