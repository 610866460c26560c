using ChatBot.Core.Catalog;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/help: the commands and their flags; <c>/help &lt;command&gt;</c>: that command's options and the models that take them.</summary>
internal sealed class HelpCommandHandler(ModelCatalog catalog) : ICommandHandler
{
    public const string HelpText =
        "**Commands**\n" +
        "`/imagine <prompt>` — create images. Flags: `--ar 16:9` `--n 4` `--seed 42` `--no text` `--model <id>` `--template <id>` (templates: `/models`)\n" +
        "`/edit <prompt>` with an image — edit it. `--mode reframe --ar 16:9`, `--mode inpaint` (with a mask), `--mode remove-background`\n" +
        "`/upscale` with an image — `--factor 2|4`\n" +
        "`/video <prompt>` (optionally with an image) — `--duration 5`\n" +
        "`/credits` — your balance · `/jobs` — your jobs · `/cancel <job>` · `/models` — models and prices · `/models <id>` — one model's options\n" +
        "Each model takes its own options: `/help <command>` (for example `/help video`) names them.\n" +
        "Admins: `/credits grant @user N`, `/credits set-allowance N`, `/settings`";

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Help];

    public Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var topic = request.Options.Prompt?.Trim().TrimStart('/');
        if (string.IsNullOrEmpty(topic))
        {
            return Task.FromResult<CommandOutcome>(new CommandOutcome.Info(HelpText));
        }

        var parsed = CommandText.Parse(topic, "");
        return Task.FromResult<CommandOutcome>(parsed.Kind is { } kind && ParameterHelp.Operations(kind).Count > 0
            ? new CommandOutcome.Info(ParameterHelp.ForCommand(kind, catalog))
            : new CommandOutcome.Info(HelpText));
    }
}
