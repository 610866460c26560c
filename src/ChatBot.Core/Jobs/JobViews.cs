using System.Globalization;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Jobs;

/// <summary>Builds the platform-neutral views of a job's reply.</summary>
public static class JobViews
{
    public static string Title(JobSpec spec)
    {
        var icon = spec.Kind switch
        {
            CommandKind.Imagine or CommandKind.Reroll => "🎨",
            CommandKind.Video or CommandKind.Animate => "🎬",
            CommandKind.Upscale => "🔍",
            CommandKind.Vary => "🔀",
            CommandKind.RemoveBackground => "✂️",
            _ => "✏️",
        };
        var verb = spec.Kind switch
        {
            CommandKind.Upscale => "Upscale",
            CommandKind.Vary => "Variation",
            CommandKind.RemoveBackground => "Remove background",
            CommandKind.Animate => "Animate",
            CommandKind.Reroll => "Re-roll",
            _ => null,
        };
        var prompt = spec.Options.Prompt is { Length: > 0 } p ? Truncate(p, 120) : null;
        return (verb, prompt) switch
        {
            (null, null) => $"{icon} {spec.Kind}",
            (null, _) => $"{icon} {prompt}",
            (_, null) => $"{icon} {verb}",
            _ => $"{icon} {verb}: {prompt}",
        };
    }

    public static string ModelLabel(ModelDefinition? model, string providerDisplayName) =>
        model is null ? providerDisplayName : $"{(model.DisplayName.Length > 0 ? model.DisplayName : model.Id)} · {providerDisplayName}";

    public static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch
        {
            1 => $"{n}st",
            2 => $"{n}nd",
            3 => $"{n}rd",
            _ => $"{n}th",
        },
    };

    public static string QueuedText(int position, int length) =>
        position <= 1 ? "Queued — next in line" : $"Queued — {Ordinal(position)} in line ({length} waiting)";

    public static string RunningText(double? percent, string? message) =>
        (percent, message) switch
        {
            ({ } p, { Length: > 0 } m) => string.Create(CultureInfo.InvariantCulture, $"{m} — {p:0}%"),
            ({ } p, _) => string.Create(CultureInfo.InvariantCulture, $"Working — {p:0}%"),
            (_, { Length: > 0 } m) => m,
            _ => "Working…",
        };

    public static string Duration(TimeSpan t) => t.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, t.TotalSeconds):0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m {t.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h {t.Minutes:00}m"),
    };

    public static IReadOnlyList<ReplyButton> CancelButton(string jobId) =>
        [new ReplyButton(ButtonId.Encode(ButtonAction.Cancel, jobId), "Cancel", ButtonAction.Cancel, jobId)];

    /// <summary>"Save to gallery" is offered when the tenant turned it on and the provider that ran the job keeps galleries.</summary>
    public static bool OffersGallery(TenantSettings settings, IMediaProvider? provider) =>
        settings.GalleryEnabled && provider is IGalleryProvider;

    /// <summary>
    /// The buttons under a result: per-image Upscale/Vary (U1…/V1… when several), then Re-roll, Animate, Remove background, Edit…,
    /// then "Save to gallery" for each output the provider gave a link to, when <paramref name="offerGallery"/>.
    /// </summary>
    public static IReadOnlyList<ReplyButton> ResultButtons(string jobId, IReadOnlyList<StoredMedia> outputs, ModelCatalog catalog, bool offerGallery = false)
    {
        bool Can(MediaOperation op) => catalog.For(op).Any();
        var buttons = new List<ReplyButton>();
        var images = outputs.Select((m, i) => (m, i)).Where(x => x.m.Kind == MediaKind.Image).ToList();
        var several = images.Count > 1;
        if (Can(MediaOperation.Upscale))
        {
            buttons.AddRange(images.Select(x => new ReplyButton(ButtonId.Encode(ButtonAction.Upscale, jobId, x.i), several ? $"U{x.i + 1}" : "Upscale", ButtonAction.Upscale, jobId, x.i)));
        }

        if (Can(MediaOperation.Vary))
        {
            buttons.AddRange(images.Select(x => new ReplyButton(ButtonId.Encode(ButtonAction.Vary, jobId, x.i), several ? $"V{x.i + 1}" : "Vary", ButtonAction.Vary, jobId, x.i)));
        }

        buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Reroll, jobId), "Re-roll", ButtonAction.Reroll, jobId));
        if (images.Count > 0)
        {
            if (Can(MediaOperation.Video))
            {
                buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Animate, jobId, 0), "Animate", ButtonAction.Animate, jobId, 0));
            }

            if (Can(MediaOperation.RemoveBackground))
            {
                buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.RemoveBackground, jobId, 0), "Remove background", ButtonAction.RemoveBackground, jobId, 0));
            }

            if (Can(MediaOperation.Edit))
            {
                buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Edit, jobId, 0), "Edit…", ButtonAction.Edit, jobId, 0));
            }
        }

        if (offerGallery)
        {
            var saveable = outputs.Select((m, i) => (m, i)).Where(x => x.m.SourceUrl is not null).ToList();
            buttons.AddRange(saveable.Select(x => new ReplyButton(
                ButtonId.Encode(ButtonAction.SaveToGallery, jobId, x.i),
                saveable.Count > 1 ? $"Save {x.i + 1}" : "Save to gallery",
                ButtonAction.SaveToGallery,
                jobId,
                x.i)));
        }

        return buttons;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
