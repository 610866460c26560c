using ChatBot.Core.Catalog;

namespace ChatBot.Core.Commands;

/// <summary>
/// Parses slash-command text with Midjourney-style inline flags:
/// <c>/imagine a fox in snow --ar 16:9 --seed 42 --no text --n 4 --model local-sketch</c>.
/// Inline flags override options given as platform fields.
/// </summary>
public static class CommandText
{
    private static readonly Dictionary<string, CommandKind> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["imagine"] = CommandKind.Imagine,
        ["edit"] = CommandKind.Edit,
        ["video"] = CommandKind.Video,
        ["animate"] = CommandKind.Animate,
        ["upscale"] = CommandKind.Upscale,
        ["vary"] = CommandKind.Vary,
        ["credits"] = CommandKind.Credits,
        ["jobs"] = CommandKind.Jobs,
        ["cancel"] = CommandKind.Cancel,
        ["models"] = CommandKind.Models,
        ["settings"] = CommandKind.Settings,
        ["stats"] = CommandKind.Stats,
        ["help"] = CommandKind.Help,
        ["templates"] = CommandKind.Templates,
        ["history"] = CommandKind.History,
        ["show"] = CommandKind.Show,
    };

    /// <summary>The commands members can type, for hint lists.</summary>
    public static IReadOnlyCollection<string> CommandNames => Commands.Keys;

    /// <summary>Parses a whole line such as "/imagine a fox --ar 16:9".</summary>
    public static ParsedCommand Parse(string line)
    {
        var text = (line ?? "").Trim();
        if (!text.StartsWith('/'))
        {
            return new ParsedCommand(null, new CommandOptions(), "Commands start with a slash, for example `/imagine a lighthouse at dusk`. Try `/help`.");
        }

        var space = text.IndexOfAny([' ', '\n', '\t']);
        var name = space < 0 ? text[1..] : text[1..space];
        var arguments = space < 0 ? "" : text[(space + 1)..];
        return Parse(name, arguments);
    }

    /// <summary>Parses a command whose name the platform already split off (Slack's "command" and "text").</summary>
    public static ParsedCommand Parse(string commandName, string arguments)
    {
        var name = commandName.TrimStart('/').Trim();
        if (!Commands.TryGetValue(name, out var kind))
        {
            return new ParsedCommand(null, new CommandOptions(), $"I don't know the command `/{name}`. Try `/help` for the list.");
        }

        return kind switch
        {
            CommandKind.Credits => ParseCredits(arguments),
            CommandKind.Cancel or CommandKind.Show => new ParsedCommand(kind, new CommandOptions { JobId = NullIfEmpty(arguments.Trim()) }, null),
            CommandKind.Settings => ParseSettings(arguments),
            CommandKind.Stats => ParseStats(arguments),
            _ => WithFlags(kind, new CommandOptions(), arguments),
        };
    }

    /// <summary>Re-reads the prompt of structured options (Discord) so inline flags in it override the fields.</summary>
    public static ParsedCommand ApplyInlineFlags(CommandKind kind, CommandOptions options) =>
        WithFlags(kind, options, options.Prompt ?? "");

    private static ParsedCommand WithFlags(CommandKind kind, CommandOptions options, string text)
    {
        var prompt = new StringBuilder();
        var extra = new Dictionary<string, string>(options.Extra, StringComparer.OrdinalIgnoreCase);
        var tokens = Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length < 3)
            {
                prompt.Append(prompt.Length > 0 ? " " : "").Append(token);
                continue;
            }

            var flag = token[2..].ToLowerInvariant();
            var value = new StringBuilder();
            while (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value.Append(value.Length > 0 ? " " : "").Append(tokens[++i]);
            }

            var (updated, error) = ApplyFlag(options, flag, value.ToString(), extra);
            if (error is not null)
            {
                return new ParsedCommand(kind, options, error);
            }

            options = updated;
        }

        var promptText = prompt.ToString().Trim();
        options = options with
        {
            Prompt = promptText.Length > 0 ? promptText : (text == options.Prompt ? null : options.Prompt),
            Extra = extra,
        };
        return new ParsedCommand(kind, options, null);
    }

    private static (CommandOptions Options, string? Error) ApplyFlag(CommandOptions o, string flag, string value, Dictionary<string, string> extra)
    {
        string Need(string what) => $"`--{flag}` needs {what}.";

        switch (flag)
        {
            case "ar" or "aspect":
                return IsAspect(value) ? (o with { AspectRatio = value }, null) : (o, Need("an aspect ratio such as 16:9"));
            case "seed":
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) && seed >= 0
                    ? (o with { Seed = seed }, null)
                    : (o, Need("a whole number of 0 or more"));
            case "no" or "neg" or "negative":
                return value.Length > 0
                    ? (o with { NegativePrompt = string.IsNullOrEmpty(o.NegativePrompt) || o.NegativePrompt == value ? value : $"{o.NegativePrompt}, {value}" }, null)
                    : (o, Need("what to leave out, for example `--no text`"));
            case "n" or "count":
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1
                    ? (o with { Count = n }, null)
                    : (o, Need("a number of images of 1 or more"));
            case "model" or "m":
                return value.Length > 0 ? (o with { Model = value }, null) : (o, Need("a model id (see `/models`)"));
            case "strength":
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 1
                    ? (o with { Strength = s }, null)
                    : (o, Need("a number between 0 and 1"));
            case "duration" or "d":
                return int.TryParse(value.TrimEnd('s'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) && d > 0
                    ? (o with { DurationSeconds = d }, null)
                    : (o, Need("a number of seconds"));
            case "res" or "resolution":
                return value.Length > 0 ? (o with { Resolution = value }, null) : (o, Need("a resolution such as 2K"));
            case "factor" or "x" or "scale":
                return int.TryParse(value.TrimEnd('x', 'X'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) && f >= 1
                    ? (o with { UpscaleFactor = f }, null)
                    : (o, Need("a factor such as 1, 2 or 4"));
            case "mode":
                return value.Length > 0 ? (o with { Mode = value.ToLowerInvariant() }, null) : (o, Need("a mode"));
            case "style":
                return value.Length > 0 ? (o with { Style = value }, null) : (o, Need("a style"));
            case "template":
                return value.Length > 0 ? (o with { Template = value }, null) : (o, Need("a template name"));
            default:
                // A bare flag (`--audio`, `--expand`) switches an option on.
                extra[ParameterNames.Canonical(flag)] = value.Length == 0 ? "true" : value;
                return (o, null);
        }
    }

    private static ParsedCommand ParseCredits(string arguments)
    {
        var words = Tokenize(arguments);
        if (words.Count == 0 || words[0].Equals("balance", StringComparison.OrdinalIgnoreCase))
        {
            return new ParsedCommand(CommandKind.Credits, new CommandOptions(), null);
        }

        var sub = words[0].ToLowerInvariant();
        if (words.Count == 1 && (sub.StartsWith("<@", StringComparison.Ordinal) || sub.StartsWith('@')))
        {
            // An admin asking for a member's balance: `/credits @ada`.
            return new ParsedCommand(CommandKind.Credits, new CommandOptions { TargetUserId = UserMention(words[0]) }, null);
        }

        if (sub == "grant")
        {
            if (words.Count != 3 || !long.TryParse(words[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) || amount == 0)
            {
                return new ParsedCommand(CommandKind.GrantCredits, new CommandOptions(), "Use `/credits grant @user N` with a whole number N (negative to take credits away).");
            }

            return new ParsedCommand(CommandKind.GrantCredits, new CommandOptions { TargetUserId = UserMention(words[1]), Amount = amount }, null);
        }

        if (sub is "set-allowance" or "allowance")
        {
            if (words.Count != 2 || !long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var allowance))
            {
                return new ParsedCommand(CommandKind.SetAllowance, new CommandOptions(), "Use `/credits set-allowance N` with a whole number N of 0 or more.");
            }

            return new ParsedCommand(CommandKind.SetAllowance, new CommandOptions { Amount = allowance }, null);
        }

        return new ParsedCommand(CommandKind.Credits, new CommandOptions(), $"`/credits {sub}` is not a credits command. Use `/credits`, `/credits grant @user N` or `/credits set-allowance N`.");
    }

    /// <summary><c>/stats</c> or <c>/stats 30</c> (what a daily allowance of 30 would have meant).</summary>
    private static ParsedCommand ParseStats(string arguments)
    {
        var text = arguments.Trim();
        if (text.Length == 0)
        {
            return new ParsedCommand(CommandKind.Stats, new CommandOptions(), null);
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var allowance)
            ? new ParsedCommand(CommandKind.Stats, new CommandOptions { Amount = allowance }, null)
            : new ParsedCommand(CommandKind.Stats, new CommandOptions(), "Use `/stats`, or `/stats <credits>` to see what that daily allowance would have meant.");
    }

    private static ParsedCommand ParseSettings(string arguments)
    {
        var words = Tokenize(arguments);
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (words.Count >= 1)
        {
            extra["setting"] = words[0].ToLowerInvariant();
        }

        if (words.Count >= 2)
        {
            extra["value"] = string.Join(' ', words.Skip(1));
        }

        return new ParsedCommand(CommandKind.Settings, new CommandOptions { Extra = extra }, null);
    }

    /// <summary>Accepts &lt;@123&gt;, &lt;@U123|name&gt;, @name or a bare id.</summary>
    public static string UserMention(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("<@", StringComparison.Ordinal) && t.EndsWith('>'))
        {
            t = t[2..^1].TrimStart('!');
            var bar = t.IndexOf('|', StringComparison.Ordinal);
            if (bar >= 0)
            {
                t = t[..bar];
            }
        }

        return t.TrimStart('@');
    }

    private static bool IsAspect(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is > 0 and <= 64
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is > 0 and <= 64;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Splits on white space; double quotes (straight or curly) group words. Em dashes typed by phones count as "--".</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var raw in text.Replace("\u2014", "--", StringComparison.Ordinal).Replace("\u2013\u2013", "--", StringComparison.Ordinal))
        {
            var c = raw;
            if (c is '"' or '\u201C' or '\u201D')
            {
                quoted = !quoted;
                continue;
            }

            if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
                continue;
            }

            current.Append(c);
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
