using ChatBot.Core.Replies;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Blocks;

/// <summary>Block Kit renderings of the bot's replies, results, refusals and the Edit… modal.</summary>
internal static class SlackBlocks
{
    public const string EditModalCallbackId = "cb-edit";
    public const string PromptBlockId = "prompt";
    public const string PromptActionId = "prompt";

    /// <summary>Buttons that open the Edit… modal for an image a member shared (not a bot result).</summary>
    public const string EditFileActionId = "cb-edit-file";

    /// <summary>Buttons (<c>cb-files:{action}</c>) that open the modal choosing a member's files for another action.</summary>
    public const string ChooseFilesActionPrefix = "cb-files:";

    private const int MaxButtonsPerBlock = 25;

    /// <summary>A job while it waits or runs, or when it ended without a result.</summary>
    public static JsonArray Progress(ReplyView view, string? previewFileId)
    {
        var blocks = new JsonArray(Section($"{Asked(view.RequestedBy)}*{Escape(view.Title)}*\n{StatusLine(view)}"));

        // The place in line is in the status line; each fact once.
        var context = new List<string>();
        if (view.Progress is { } percent)
        {
            context.Add($"{Bar(percent)} {percent.ToString("0", CultureInfo.InvariantCulture)}%");
        }

        if (view.Elapsed > TimeSpan.Zero)
        {
            context.Add($"⏱ {Duration(view.Elapsed)}");
        }

        if (view.Wait is { } wait && !view.IsFinal)
        {
            context.Add($"starts in ~{Duration(wait)}");
        }

        if (view.Eta is { } eta && !view.IsFinal)
        {
            context.Add($"ETA ~{Duration(eta)}");
        }

        if (view.ModelLabel.Length > 0)
        {
            context.Add(Escape(view.ModelLabel));
        }

        if (context.Count > 0)
        {
            blocks.Add(Context(context));
        }

        if (previewFileId is not null)
        {
            blocks.Add(Image(previewFileId, "Preview of " + view.Title, "Preview"));
        }

        AddButtons(blocks, view.Buttons);
        return blocks;
    }

    /// <summary>The top-level text of a progress edit: the notification and fallback, escaped like every text built from user input.</summary>
    public static string ProgressText(ReplyView view) => Limit(Escape($"{view.Title} — {view.StatusText}"), 3000);

    /// <summary>
    /// A finished job: its images (already shared into the thread, referenced by file id) or, for several, their numbered
    /// <paramref name="grid"/> (the single images stay in the thread), the member's <paramref name="input"/>, details and buttons.
    /// </summary>
    public static JsonArray Result(
        ResultView result, IReadOnlyList<(string FileId, bool IsImage, string Name)> files, IReadOnlyList<string> links, string? grid = null, string? input = null)
    {
        var text = new StringBuilder($"{Asked(result.RequestedBy)}*{Escape(result.Title)}*");
        if (result.Details.Length > 0)
        {
            text.Append('\n').Append(Escape(result.Details));
        }

        var blocks = new JsonArray(Section(text.ToString()));
        if (input is not null)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(
                    new JsonObject { ["type"] = "image", ["slack_file"] = new JsonObject { ["id"] = input }, ["alt_text"] = "Your image" },
                    new JsonObject { ["type"] = "mrkdwn", ["text"] = "from your image" }),
            });
        }

        var images = files.Count(f => f.IsImage);
        if (grid is not null)
        {
            blocks.Add(Image(grid, Limit(result.Title, 2000), string.Create(CultureInfo.InvariantCulture, $"Images 1–{images} (each one is in the thread)")));
        }

        var index = 0;
        IReadOnlyList<(string FileId, bool IsImage, string Name)> shown = grid is null ? files : [];
        foreach (var (fileId, isImage, name) in shown)
        {
            index++;
            if (isImage && blocks.Count < 45)
            {
                blocks.Add(Image(fileId, Limit(result.Title, 2000), files.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"Image {index}") : name));
            }
        }

        var others = files.Count(f => !f.IsImage);
        var facts = new List<string> { "✅ Done" };
        if (others > 0)
        {
            facts.Add(others == 1 ? "🎬 the video is in the thread" : string.Create(CultureInfo.InvariantCulture, $"🎬 {others} files are in the thread"));
        }

        facts.Add($"⏱ {Duration(result.Elapsed)}");
        facts.Add(result.CreditsCharged == 1 ? "1 credit" : string.Create(CultureInfo.InvariantCulture, $"{result.CreditsCharged} credits"));
        if (result.ModelLabel.Length > 0)
        {
            facts.Add(Escape(result.ModelLabel));
        }

        blocks.Add(Context(facts));
        foreach (var link in links)
        {
            blocks.Add(Section($"<{link}|Download the full file>"));
        }

        AddButtons(blocks, result.Buttons);
        return blocks;
    }

    public static string ResultText(ResultView result) => Limit(Escape($"{result.Title} — done"), 3000);

    /// <summary>The reply before the engine has said anything: the member sees the bot picked it up.</summary>
    public static JsonArray Placeholder(string title) => new(Section($"*{Escape(title)}*\n⏳ Getting started…"));

    /// <summary>
    /// The Edit… modal, or (for another <paramref name="action"/>) the modal where the member chooses the files
    /// (<paramref name="files"/>) or the result's image (<paramref name="outputs"/>) first;
    /// <paramref name="privateMetadata"/> says what is acted on and where to reply.
    /// </summary>
    public static JsonObject EditModal(string privateMetadata, IReadOnlyList<EditModalFile>? files = null, ButtonAction action = ButtonAction.Edit, int outputs = 1)
    {
        var blocks = new JsonArray([.. SlackRoleSelects.For(files ?? [], action)]);
        if (outputs > 1)
        {
            blocks.Add(SlackRoleSelects.ForOutputs(outputs));
        }

        if (action is ButtonAction.Edit or ButtonAction.Animate)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = PromptBlockId,
                ["optional"] = action != ButtonAction.Edit,
                ["label"] = PlainText(action == ButtonAction.Edit ? "What should change?" : "How should it move? (optional)"),
                ["element"] = new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["action_id"] = PromptActionId,
                    ["multiline"] = true,
                    ["max_length"] = 2000,
                    ["placeholder"] = PlainText(action == ButtonAction.Edit ? "make the sky stormy --strength 0.6" : "the camera slowly pans left"),
                },
            });
        }

        var verb = Verb(action);
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = EditModalCallbackId,
            ["title"] = PlainText(action == ButtonAction.Edit ? "Edit image" : verb),
            ["submit"] = PlainText(verb),
            ["close"] = PlainText("Cancel"),
            ["private_metadata"] = privateMetadata,
            ["blocks"] = blocks,
        };
    }

    /// <summary>An ephemeral offer to choose the files first (after a reaction, which carries no trigger for a modal).</summary>
    public static JsonArray ChooseOffer(string actionId, string value, ButtonAction action) => new(
        Section($"That message has several files. Choose which to use, and I'll {Verb(action).ToLowerInvariant()} it."),
        new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "choose-offer",
            ["elements"] = new JsonArray(Button(actionId, "Choose files…", value, primary: true)),
        });

    private static string Verb(ButtonAction action) => action switch
    {
        ButtonAction.RemoveBackground => "Remove background",
        _ => action.ToString(),
    };

    /// <summary>An ephemeral offer to edit a member's image (after a ✏️ reaction, which carries no trigger for a modal).</summary>
    public static JsonArray EditOffer(string actionId, string value) => new(
        Section("✏️ Describe the change you want, and I'll edit this image."),
        new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "edit-offer",
            ["elements"] = new JsonArray(Button(actionId, "Edit…", value, primary: true)),
        });

    /// <summary>Slack mrkdwn from the engine's Markdown-ish text (bold is one asterisk in Slack), escaped.</summary>
    public static string Mrkdwn(string text) => Escape(text).Replace("**", "*", StringComparison.Ordinal);

    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    /// <summary>An answer with buttons under it (the Cancel buttons of <c>/jobs</c>).</summary>
    public static JsonArray TextWithButtons(string text, IReadOnlyList<ReplyButton> buttons)
    {
        var blocks = new JsonArray(Section(Limit(Mrkdwn(text), 3000)));
        AddButtons(blocks, buttons);
        return blocks;
    }

    private static void AddButtons(JsonArray blocks, IReadOnlyList<ReplyButton> buttons)
    {
        for (var i = 0; i < buttons.Count; i += MaxButtonsPerBlock)
        {
            var elements = new JsonArray();
            foreach (var button in buttons.Skip(i).Take(MaxButtonsPerBlock))
            {
                elements.Add(Button(button.Id, button.Label, button.Id, primary: button.Action is ButtonAction.Upscale, danger: button.Action is ButtonAction.Cancel));
            }

            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = string.Create(CultureInfo.InvariantCulture, $"actions-{i / MaxButtonsPerBlock}"),
                ["elements"] = elements,
            });
        }
    }

    private static JsonObject Button(string actionId, string label, string value, bool primary = false, bool danger = false)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = PlainText(Limit(label, 75)),
            ["value"] = Limit(value, 2000),
        };
        if (primary || danger)
        {
            button["style"] = danger ? "danger" : "primary";
        }

        return button;
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Limit(mrkdwn, 3000) },
    };

    private static JsonObject Context(IEnumerable<string> items) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray([.. items.Take(10).Select(i => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = i })]),
    };

    private static JsonObject Image(string fileId, string altText, string title) => new()
    {
        ["type"] = "image",
        ["slack_file"] = new JsonObject { ["id"] = fileId },
        ["alt_text"] = Limit(altText, 2000),
        ["title"] = PlainText(Limit(title, 2000)),
    };

    private static string StatusLine(ReplyView view)
    {
        var icon = view.Status switch
        {
            ReplyStatus.Queued => "🕒",
            ReplyStatus.Running => "🎨",
            ReplyStatus.Succeeded => "✅",
            ReplyStatus.Failed => "⚠️",
            ReplyStatus.Refused => "🚫",
            ReplyStatus.Cancelled => "✖️",
            _ => "",
        };
        return $"{icon} {Mrkdwn(view.StatusText)}".Trim();
    }

    /// <summary>A 10-cell progress bar.</summary>
    public static string Bar(double percent)
    {
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) / 10, MidpointRounding.AwayFromZero);
        return new string('▰', filled) + new string('▱', 10 - filled);
    }

    public static string Duration(TimeSpan span) => DurationText.Format(span);

    /// <summary>"Ana asked: " before the title: a slash command is invisible to the channel. A name, never a mention (no ping), escaped.</summary>
    private static string Asked(string requestedBy) => requestedBy.Length > 0 ? $"{Escape(requestedBy)} asked: " : "";

    /// <summary>
    /// Slack's three control characters in text, so that nothing a member typed (<c>&lt;!channel&gt;</c>,
    /// <c>&lt;@U…&gt;</c>) becomes a mention or a link. Applied once, to text as typed, on the way out.
    /// </summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
