namespace ChatBot.Core.Commands;

/// <summary>A command line as parsed: its kind (null when unknown), its options, or a human error.</summary>
public sealed record ParsedCommand(CommandKind? Kind, CommandOptions Options, string? Error)
{
    public bool IsValid => Kind is not null && Error is null;
}
