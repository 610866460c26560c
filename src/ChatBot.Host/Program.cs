using ChatBot.Host;

return await ChatBotHost.RunAsync(args).ConfigureAwait(false);
