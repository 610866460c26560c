using ChatBot.Core.Providers;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// /templates: finds a template on every available provider that offers them. <c>/templates instagram</c> lists the
/// platform's templates (or, when no template is filed under that platform, searches for the word) with the
/// platform's formats and file rules; <c>--search</c> searches, <c>--for</c> recommends for a use case,
/// <c>--category</c> filters. A provider that does not answer in a few seconds is left out and said so.
/// </summary>
internal sealed class TemplatesCommandHandler(ProviderRouter router, TimeProvider time, ILogger<TemplatesCommandHandler> logger) : ICommandHandler
{
    private const int Shown = 15;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Templates];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var platform = Clean(o.Extra.GetValueOrDefault("platforms") ?? o.Prompt);
        var query = new TemplateQuery(
            Platform: platform,
            Category: Clean(o.Extra.GetValueOrDefault("category")),
            Search: Clean(o.Extra.GetValueOrDefault("search")),
            UseCase: Clean(o.Extra.GetValueOrDefault("for")));
        if (o.Prompt is { } words && words.Contains(' ', StringComparison.Ordinal) && query.UseCase is null && query.Search is null)
        {
            // Several words are not a platform name: search for them.
            query = query with { Platform = null, Search = platform };
        }

        var offering = router.Providers.Where(p => p.IsAvailable).OfType<IProviderTemplates>().ToList();
        if (offering.Count == 0)
        {
            return new CommandOutcome.Info("No provider with templates is available right now (ALwrity Image Studio offers them once it has a key).");
        }

        var text = new StringBuilder();
        foreach (var provider in offering)
        {
            await AppendAsync(text, (IMediaProvider)provider, provider, query, cancellationToken).ConfigureAwait(false);
        }

        return new CommandOutcome.Info(text.ToString().TrimEnd());
    }

    private async Task AppendAsync(StringBuilder text, IMediaProvider provider, IProviderTemplates offers, TemplateQuery query, CancellationToken ct)
    {
        var name = router.DisplayName(provider.Name);
        using var timeout = new CancellationTokenSource(Wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        IReadOnlyList<ProviderTemplate> templates;
        PlatformFormats? formats = null;
        try
        {
            templates = await offers.FindTemplatesAsync(query, linked.Token).ConfigureAwait(false);
            if (templates.Count == 0 && query is { Platform: { } word, Search: null, UseCase: null })
            {
                // "/templates linkedin post" or a word that is no platform: look for it by name.
                templates = await offers.FindTemplatesAsync(query with { Platform = null, Search = word }, linked.Token).ConfigureAwait(false);
            }

            if (query.Platform is { } platform)
            {
                formats = await offers.GetPlatformFormatsAsync(platform, linked.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is ProviderException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.TemplatesUnavailable(provider.Name, ex.GetType().Name);
            text.Append(CultureInfo.InvariantCulture, $"__{name}__ did not answer for its templates; try again in a moment.\n");
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"__{name}__ — templates{Describe(query)}:\n");
        if (templates.Count == 0)
        {
            text.Append("none found. `/templates` lists them all.\n");
        }
        else
        {
            foreach (var t in templates.Take(Shown))
            {
                text.Append(CultureInfo.InvariantCulture, $"`{t.Id}` — {t.Name}{(t.Note is { Length: > 0 } note ? $" ({note})" : "")}\n");
            }

            text.Append(templates.Count > Shown ? $"and {templates.Count - Shown} more. " : "");
            text.Append(CultureInfo.InvariantCulture, $"Use one: `/imagine <prompt> --template {templates[0].Id}`\n");
        }

        if (formats is { Formats.Count: > 0 })
        {
            text.Append(CultureInfo.InvariantCulture, $"Formats on {formats.Platform} (`/edit --mode social --platforms {formats.Platform} --formats <name>`): {string.Join(" · ", formats.Formats)}\n");
            text.Append(formats.FileRules is { Length: > 0 } rules ? $"Files: {rules}\n" : "");
        }
    }

    private static string Describe(TemplateQuery q) =>
        q.UseCase is { } useCase ? $" recommended for “{useCase}”{(q.Platform is { } p ? $" on {p}" : "")}"
        : q.Search is { } search ? $" matching “{search}”"
        : string.Join("", new[] { q.Platform is { } p2 ? $" for {p2}" : null, q.Category is { } c ? $" in {c}" : null });

    /// <summary>Member text goes into URLs and back into the reply: trimmed, without markup characters, bounded.</summary>
    private static string? Clean(string? value)
    {
        var kept = new string([.. (value ?? "").Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.')]).Trim();
        return kept.Length == 0 ? null : kept.Length > 80 ? kept[..80] : kept;
    }
}
