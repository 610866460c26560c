namespace ChatBot.Emulators.Discord;

public sealed partial class DiscordEmulator
{
    /// <summary>The <c>Discord:*</c> settings that point a bot at this emulator (token, application, API, CDN, public key).</summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["Discord:Token"] = Token,
        ["Discord:ApplicationId"] = ApplicationId,
        ["Discord:ApiBaseUrl"] = ApiBaseUrl,
        ["Discord:CdnHosts:0"] = CdnHost,
        ["Discord:PublicKey"] = Signer.PublicKeyHex,
    };
}
