using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Discord;

/// <summary>An interaction the emulator sent, and the payload it sent.</summary>
public sealed record EmulatorInteraction(string Id, string Token, EmulatorChannel Channel, JsonObject Payload);
