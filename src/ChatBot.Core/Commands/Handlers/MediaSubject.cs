namespace ChatBot.Core.Commands.Handlers;

/// <summary>What a media command works on once any source result has been applied: its kind, options and inputs.</summary>
internal sealed record MediaSubject(CommandKind Kind, CommandOptions Options, IReadOnlyList<MediaRef> Inputs);
