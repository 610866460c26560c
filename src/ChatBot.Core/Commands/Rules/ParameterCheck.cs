using ChatBot.Core.Catalog;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// Holds a command's options against the parameters the routed model accepts (config/models.json), before any
/// credit is reserved: a flag the model does not list is refused, a value outside its list or range is refused
/// with the allowed values, and accepted values are rewritten in the catalog's spelling (<c>720P</c> → <c>720p</c>),
/// which is what the provider is sent. Values the member did not give (inherited from the result a button acts
/// on) are dropped instead when the model does not take them.
/// </summary>
internal static class ParameterCheck
{
    /// <summary>The options in the catalog's spelling, or (with null options) why the model cannot take them.</summary>
    public static (CommandOptions? Options, string? Refusal) Check(ModelDefinition model, MediaOperation operation, CommandOptions options, CommandOptions given)
    {
        var mode = ModeOf(operation, options.Mode);
        var o = options;
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (flag, value) in options.Extra)
        {
            var name = ParameterNames.Canonical(flag);
            var (accepted, refusal) = Hold(name, value, given.Extra.ContainsKey(flag));
            if (refusal is not null)
            {
                return (null, refusal);
            }

            if (accepted is not null)
            {
                extra[name] = accepted;
            }
        }

        string? error = null;
        o = o with
        {
            Extra = extra,
            AspectRatio = Text(ParameterNames.AspectRatio, o.AspectRatio, given.AspectRatio),
            Resolution = Text(ParameterNames.Resolution, o.Resolution, given.Resolution),
            NegativePrompt = Text(ParameterNames.NegativePrompt, o.NegativePrompt, given.NegativePrompt),
            Style = Text(ParameterNames.Style, o.Style, given.Style),
            Template = Text(ParameterNames.Template, o.Template, given.Template),
            DurationSeconds = Number(ParameterNames.Duration, o.DurationSeconds, given.DurationSeconds) is { } d ? (int)d : null,
            UpscaleFactor = Number(ParameterNames.UpscaleFactor, o.UpscaleFactor, given.UpscaleFactor) is { } f ? (int)f : null,
            Seed = Number(ParameterNames.Seed, o.Seed, given.Seed) is { } s ? (long)s : null,
            Strength = Number(ParameterNames.Strength, o.Strength, given.Strength),
            Mode = mode is null || operation is not (MediaOperation.Upscale or MediaOperation.Video) ? o.Mode : Text(ParameterNames.Mode, o.Mode, given.Mode),
        };
        return error is null ? (o, null) : (null, error);

        string? Text(string name, string? value, string? own)
        {
            if (error is not null || string.IsNullOrEmpty(value))
            {
                return value;
            }

            var (accepted, refusal) = Hold(name, value, own is not null);
            error = refusal;
            return accepted;
        }

        double? Number(string name, double? value, double? own) =>
            value is { } v && Text(name, v.ToString(CultureInfo.InvariantCulture), own?.ToString(CultureInfo.InvariantCulture)) is { } t
                ? double.Parse(t, CultureInfo.InvariantCulture)
                : null;

        (string? Accepted, string? Refusal) Hold(string name, string value, bool typed)
        {
            var parameter = model.Parameter(name, operation, mode);
            if (parameter is null)
            {
                return typed ? (null, NotTaken(model, operation, mode, name)) : (null, null);
            }

            var allowed = parameter.Allowed(value);
            return allowed is not null || !typed
                ? (allowed, null)
                : (null, $"`--{name} {value}` is not something `{model.Id}` takes: `--{name}` is {parameter.Describe()}.");
        }
    }

    /// <summary>The parameters the model takes for an operation, as <c>/models &lt;id&gt;</c> and refusals list them.</summary>
    public static IEnumerable<string> Describe(ModelDefinition model, MediaOperation? operation = null) =>
        model.Parameters
            .Where(p => operation is null || p.Value.AppliesTo(operation.Value, p.Value.Modes.FirstOrDefault()))
            .Select(p => $"`--{p.Key}` {p.Value.Describe()}{Where(p.Value)}");

    /// <summary>The mode parameters are matched against: the control operation (<c>control</c> is a sketch), else the mode as typed.</summary>
    private static string? ModeOf(MediaOperation operation, string? mode)
    {
        var m = mode?.Trim().ToLowerInvariant();
        return operation == MediaOperation.Control && m is null or "control" ? "sketch" : m;
    }

    private static string NotTaken(ModelDefinition model, MediaOperation operation, string? mode, string name)
    {
        var names = model.Parameters.Where(p => p.Value.AppliesTo(operation, mode)).Select(p => p.Key).ToList();
        var takes = names.Select(n => $"`--{n}`").ToList();
        var list = takes.Count == 0 ? "It takes no options for this." : $"It takes {string.Join(", ", takes)}.";
        var hint = FlagSuggestion.CommandFlags.Contains(name, StringComparer.OrdinalIgnoreCase) ? "" : FlagSuggestion.DidYouMean(name, names.Concat(FlagSuggestion.CommandFlags));
        return $"`{model.Id}` doesn't take `--{name}`.{hint} {list} `/models {model.Id}` shows the allowed values.";
    }

    private static string Where(ModelParameter parameter)
    {
        var parts = new List<string>();
        if (parameter.Operations.Count > 0)
        {
            parts.Add(string.Join("/", parameter.Operations.Select(Providers.ProviderRouter.Describe)));
        }

        if (parameter.Modes.Count > 0)
        {
            parts.Add($"`--mode {string.Join("|", parameter.Modes)}`");
        }

        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }
}
