using ChatBot.Core.Replies;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Replies;

/// <summary>Renders the engine's platform-neutral views as Discord embeds, buttons and modals.</summary>
internal static class DiscordMessageRenderer
{
    public const string PromptInputId = "prompt";
    private const int MaxButtonsPerRow = 5;
    private const int MaxRows = 5;

    public static MessagePayload Progress(ReplyView view, string? previewFileName)
    {
        // The place in line is in the status line; each fact once.
        var fields = new List<EmbedField>();
        if (view.Progress is { } progress)
        {
            fields.Add(new EmbedField("Progress", $"{ProgressBar(progress)} {progress.ToString("0", CultureInfo.InvariantCulture)}%", Inline: false));
        }

        fields.Add(new EmbedField("Elapsed", Duration(view.Elapsed)));
        if (view.Wait is { } wait && !view.IsFinal)
        {
            fields.Add(new EmbedField("Starts in", "~" + Duration(wait)));
        }

        if (view.Eta is { } eta && !view.IsFinal)
        {
            fields.Add(new EmbedField("ETA", "~" + Duration(eta)));
        }

        var embed = new Embed
        {
            Title = Truncate(view.Title, 256),
            Description = Truncate(StatusLine(view), 4096),
            Color = Color(view.Status),
            Fields = fields,
            Image = previewFileName is null ? null : new EmbedMedia("attachment://" + previewFileName),
            Footer = view.ModelLabel.Length > 0 ? new EmbedFooter(view.ModelLabel) : null,
        };
        return new MessagePayload
        {
            Content = "",
            Embeds = [embed],
            Components = Buttons(view.Buttons, outputs: 0),
            Attachments = previewFileName is null ? [] : [new AttachmentRef("0", previewFileName)],
            AllowedMentions = NoMentions,
        };
    }

    /// <param name="uploaded">File names uploaded as files[0..n], in order.</param>
    /// <param name="links">Outputs too large to upload: name and link (null when no link exists).</param>
    /// <param name="grid">The uploaded grid's file name: the embed's picture, the single images stay attachments.</param>
    /// <param name="input">The uploaded input image's file name: the embed's thumbnail.</param>
    public static MessagePayload Result(ResultView view, IReadOnlyList<string> uploaded, IReadOnlyList<(string Name, Uri? Link)> links, string? grid = null, string? input = null)
    {
        var description = new StringBuilder(view.Details);
        foreach (var (name, link) in links)
        {
            description.Append(description.Length > 0 ? "\n" : "")
                .Append(link is null ? $"{name}: too large to upload here." : $"[{name}]({link})");
        }

        var embed = new Embed
        {
            Title = Truncate(view.Title, 256),
            Description = Truncate(description.ToString(), 4096),
            Color = Color(ReplyStatus.Succeeded),
            Footer = new EmbedFooter(view.Footer),
            Image = grid is null ? null : new EmbedMedia("attachment://" + grid),
            Thumbnail = input is null ? null : new EmbedMedia("attachment://" + input),
        };
        return new MessagePayload
        {
            Content = "",
            Embeds = [embed],
            Components = Buttons(view.Buttons, view.Files.Count),
            Attachments = [.. uploaded.Select((name, i) => new AttachmentRef(i.ToString(CultureInfo.InvariantCulture), name))],
            AllowedMentions = NoMentions,
        };
    }

    public static MessagePayload Text(string text, bool ephemeral) => new()
    {
        Content = Truncate(text, 2000),
        Embeds = [],
        Components = [],
        Flags = ephemeral ? MessagePayload.Ephemeral : null,
        AllowedMentions = NoMentions,
    };

    /// <summary>The "Edit…" modal: one paragraph input for the new prompt.</summary>
    public static MessagePayload EditModal(string customId, string? prompt) => new()
    {
        CustomId = customId,
        Title = "Edit image",
        Components =
        [
            new Component(Component.LabelType)
            {
                Label = "What should change?",
                Child = new Component(Component.TextInputType)
                {
                    CustomId = PromptInputId,
                    Style = 2,
                    Required = true,
                    MinLength = 1,
                    MaxLength = 1500,
                    Placeholder = "make the sky stormy",
                    Value = prompt,
                },
            },
        ],
    };

    /// <summary>Buttons in rows of five: per-output Upscale (U1…) and Vary (V1…) rows first, then the rest.</summary>
    public static IReadOnlyList<Component> Buttons(IReadOnlyList<ReplyButton> buttons, int outputs)
    {
        var rows = new List<List<Component>>();
        void AddRow(IEnumerable<Component> items)
        {
            foreach (var chunk in items.Chunk(MaxButtonsPerRow))
            {
                if (rows.Count < MaxRows)
                {
                    rows.Add([.. chunk]);
                }
            }
        }

        var perOutput = outputs > 1;
        AddRow(buttons.Where(b => perOutput && b.Action == ButtonAction.Upscale && b.OutputIndex is not null).Select(b => Button(b, $"U{b.OutputIndex + 1}")));
        AddRow(buttons.Where(b => perOutput && b.Action == ButtonAction.Vary && b.OutputIndex is not null).Select(b => Button(b, $"V{b.OutputIndex + 1}")));
        AddRow(buttons.Where(b => !(perOutput && b.Action is ButtonAction.Upscale or ButtonAction.Vary && b.OutputIndex is not null)).Select(b => Button(b, b.Label)));
        return [.. rows.Select(r => new Component(Component.ActionRowType) { Components = r })];
    }

    public static string ProgressBar(double percent)
    {
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) / 10);
        return new string('▰', filled) + new string('▱', 10 - filled);
    }

    public static string Duration(TimeSpan span) => DurationText.Format(span);

    private static readonly AllowedMentions NoMentions = new([]);

    private static Component Button(ReplyButton button, string label) => new(Component.ButtonType)
    {
        Style = button.Action switch
        {
            ButtonAction.Reroll => 1,
            ButtonAction.Cancel => 4,
            _ => 2,
        },
        Label = Truncate(button.Action == ButtonAction.Edit && !label.EndsWith('…') ? label + "…" : label, 80),
        CustomId = button.Id,
    };

    private static string StatusLine(ReplyView view) =>
        view.StatusText.Length > 0
            ? view.StatusText
            : view.Status switch
            {
                ReplyStatus.Queued => "Queued",
                ReplyStatus.Running => "Working on it",
                ReplyStatus.Succeeded => "Done",
                ReplyStatus.Failed => "Failed",
                ReplyStatus.Refused => "Refused",
                _ => "Cancelled",
            };

    private static int Color(ReplyStatus status) => status switch
    {
        ReplyStatus.Queued => 0x95A5A6,
        ReplyStatus.Running => 0x3498DB,
        ReplyStatus.Succeeded => 0x2ECC71,
        ReplyStatus.Failed => 0xE74C3C,
        ReplyStatus.Refused => 0xE67E22,
        _ => 0x7F8C8D,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
