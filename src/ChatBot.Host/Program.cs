using ChatBot.Host;
using ChatBot.Host.Playground.Access;

WebApplication app;
try
{
    app = ChatBotHost.Build(ChatBotHost.CreateBuilder(args));
}
catch (PlaygroundStartRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message).ConfigureAwait(false);
    return 2;
}

await app.RunAsync().ConfigureAwait(false);
return 0;
