using ChatBot.Core.Catalog;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/help: the commands and their flags; <c>/help &lt;command&gt;</c>: that command's options and the models that take them.</summary>
internal sealed class HelpCommandHandler(ModelCatalog catalog) : ICommandHandler
{
    public const string HelpText =
        "**Commands**\n" +
        "`/imagine <prompt>` — create images. Flags: `--ar 16:9` `--n 4` `--seed 42` `--no text` `--model <id>` `--template <id>` (find one: `/templates`)\n" +
        "`/edit <prompt>` with an image — edit it. `--mode reframe --ar 16:9`, `--mode inpaint` (with a mask), `--mode remove-background`, " +
        "`--mode search-replace --search <what>` (the prompt replaces it), `--mode recolor --select <what>` (the prompt is the new colour)\n" +
        "`/upscale` with an image or a video — `--factor 1|2|4|8` (1 cleans up without enlarging)\n" +
        "`/video <prompt>` (optionally with an image; a last frame as a second image on Seedance) — `--duration 5`; with a video: `--mode extend` continues it from its last frame\n" +
        "`/templates <platform>` — templates for a platform (instagram, linkedin, …) and its formats; `/templates --search <words>`, `/templates --for <use case>`\n" +
        "`/credits` — your balance · `/jobs` — your jobs · `/cancel <job>` · `/history` — your latest results · `/show <job>` — post one again · `/models` — models and prices · `/models <id>` — one model's options\n" +
        "Each model takes its own options: `/help <command>` (for example `/help video`) names them.\n" +
        "Admins: `/credits grant @user N`, `/credits set-allowance N`, `/settings`";

    /// <summary><c>/help templates</c>.</summary>
    public const string TemplatesHelp =
        "`/templates <platform>` — the templates made for a platform (for example `/templates instagram`), with the platform's formats and file rules\n" +
        "`/templates --search <words>` — templates whose name matches · `/templates --for <use case>` (optionally with a platform) — recommended ones\n" +
        "`/templates --category <category>` (social_media, blog_content, …) · use one with `/imagine <prompt> --template <id>`, " +
        "a format with `/edit --mode social --platforms <platform> --formats <format>`";

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Help];

    public Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var topic = request.Options.Prompt?.Trim().TrimStart('/');
        if (string.IsNullOrEmpty(topic))
        {
            return Task.FromResult<CommandOutcome>(new CommandOutcome.Info(HelpText));
        }

        var parsed = CommandText.Parse(topic, "");
        if (parsed.Kind == CommandKind.Templates)
        {
            return Task.FromResult<CommandOutcome>(new CommandOutcome.Info(TemplatesHelp));
        }

        return Task.FromResult<CommandOutcome>(parsed.Kind is { } kind && ParameterHelp.Operations(kind).Count > 0
            ? new CommandOutcome.Info(ParameterHelp.ForCommand(kind, catalog))
            : new CommandOutcome.Info(HelpText));
    }
}
