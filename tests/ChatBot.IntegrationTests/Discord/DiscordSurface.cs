using System.Text.Json.Nodes;
using ChatBot.Core.Credits;
using ChatBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>What the surface tests send and read: slash options, attachment options, and the texts the bot answered with.</summary>
internal static class DiscordSurface
{
    public static JsonObject Text(string name, string value) => new() { ["name"] = name, ["type"] = 3, ["value"] = value };

    public static JsonObject Number(string name, long value) => new() { ["name"] = name, ["type"] = 4, ["value"] = value };

    public static JsonObject Flag(string name, bool value) => new() { ["name"] = name, ["type"] = 5, ["value"] = value };

    public static JsonObject User(string name, string userId) => new() { ["name"] = name, ["type"] = 6, ["value"] = userId };

    public static JsonObject File(string name, EmulatorAttachment attachment) => new() { ["name"] = name, ["type"] = 11, ["value"] = attachment.Id };

    public static JsonArray Options(params JsonObject[] options) => [.. options];

    /// <summary>Every text the bot wrote for an interaction (its original response, edits and followups), latest last.</summary>
    public static IReadOnlyList<string> Texts(DiscordBotHost host, EmulatorInteraction interaction) =>
        [.. host.Emulator.RestCalls
            .Where(c => c.Path.Contains(interaction.Token, StringComparison.Ordinal) && c.Status < 300)
            .Select(c => (c.Json?["content"] ?? c.Json?["data"]?["content"])?.GetValue<string>())
            .Where(t => !string.IsNullOrEmpty(t))
            .Select(t => t!)];

    /// <summary>Waits for a text containing <paramref name="part"/> and returns it.</summary>
    public static async Task<string> WaitForTextAsync(DiscordBotHost host, EmulatorInteraction interaction, string part)
    {
        try
        {
            await host.Emulator.WaitUntilAsync(_ => Texts(host, interaction).Any(t => t.Contains(part, StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No answer containing \"{part}\"; got: {string.Join(" | ", Texts(host, interaction))}");
        }

        return Texts(host, interaction).Last(t => t.Contains(part, StringComparison.Ordinal));
    }

    public static async Task<CreditBalance> BalanceAsync(DiscordBotHost host, string? userId = null) =>
        await host.Services.GetRequiredService<ICreditLedger>().GetBalanceAsync(new("discord", host.GuildId, userId ?? host.Member.UserId), CancellationToken.None);
}
