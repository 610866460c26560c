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

try
{
    await app.RunAsync().ConfigureAwait(false);
}
catch (ChatBot.Storage.DatabaseInUseException inUse)
{
    await Console.Error.WriteLineAsync(inUse.Message).ConfigureAwait(false);
    return 2;
}

return 0;
