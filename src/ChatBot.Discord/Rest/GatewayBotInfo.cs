namespace ChatBot.Discord.Rest;

internal sealed record GatewayBotInfo(string Url, int Shards = 1);
