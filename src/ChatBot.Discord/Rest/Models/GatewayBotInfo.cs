namespace ChatBot.Discord.Rest.Models;

internal sealed record GatewayBotInfo(string Url, int Shards = 1);
