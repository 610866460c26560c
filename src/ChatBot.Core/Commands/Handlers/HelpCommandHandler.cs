namespace ChatBot.Core.Commands.Handlers;

/// <summary>/help: the commands and their flags.</summary>
internal sealed class HelpCommandHandler : ICommandHandler
{
    public const string HelpText =
        "**Commands**\n" +
        "`/imagine <prompt>` — create images. Flags: `--ar 16:9` `--n 4` `--seed 42` `--no text` `--model <id>` `--template <id>` (templates: `/models`)\n" +
        "`/edit <prompt>` with an image — edit it. `--mode reframe --ar 16:9`, `--mode inpaint` (with a mask), `--mode remove-background`\n" +
        "`/upscale` with an image — `--factor 2|4`\n" +
        "`/video <prompt>` (optionally with an image) — `--duration 5`\n" +
        "`/credits` — your balance · `/jobs` — your jobs · `/cancel <job>` · `/models` — models and prices\n" +
        "Admins: `/credits grant @user N`, `/credits set-allowance N`, `/settings`";

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Help];

    public Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<CommandOutcome>(new CommandOutcome.Info(HelpText));
}
