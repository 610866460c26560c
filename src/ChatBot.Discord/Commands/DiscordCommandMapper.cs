using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Commands;
using ChatBot.Core.Model;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Commands;

/// <summary>Turns interactions into the engine's <see cref="CommandRequest"/>, checking attachments on the way.</summary>
internal sealed class DiscordCommandMapper(IOptions<DiscordOptions> options)
{
    public const string DirectMessageTenant = "dm";
    private const ulong Administrator = 1 << 3;
    private const ulong ManageGuild = 1 << 5;

    public static CommandKind? KindOfSlash(string? name) => name switch
    {
        "imagine" => CommandKind.Imagine,
        "edit" => CommandKind.Edit,
        "video" => CommandKind.Video,
        "upscale" => CommandKind.Upscale,
        "credits" => CommandKind.Credits,
        "jobs" => CommandKind.Jobs,
        "cancel" => CommandKind.Cancel,
        "models" => CommandKind.Models,
        "settings" => CommandKind.Settings,
        _ => null,
    };

    public static CommandKind? KindOfMenu(string? name) => name switch
    {
        DiscordCommandDefinitions.EditImageMenu => CommandKind.Edit,
        DiscordCommandDefinitions.UpscaleMenu => CommandKind.Upscale,
        DiscordCommandDefinitions.AnimateMenu => CommandKind.Animate,
        DiscordCommandDefinitions.RemoveBackgroundMenu => CommandKind.RemoveBackground,
        _ => null,
    };

    /// <summary>Commands that start a job get a public deferred reply; the rest answer privately.</summary>
    public static bool StartsJob(CommandKind kind) =>
        kind is CommandKind.Imagine or CommandKind.Edit or CommandKind.Video or CommandKind.Upscale or CommandKind.Vary
            or CommandKind.Reroll or CommandKind.Animate or CommandKind.RemoveBackground;

    public static bool IsAdmin(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && ((bits & Administrator) != 0 || (bits & ManageGuild) != 0);

    public static Actor ActorOf(DiscordInteraction interaction)
    {
        var user = interaction.Invoker ?? new DiscordUser("0");
        return new Actor(
            PlatformNames.Discord,
            interaction.GuildId ?? DirectMessageTenant,
            user.Id,
            interaction.Member?.Nick ?? user.DisplayName,
            interaction.GuildId is not null && IsAdmin(interaction.Member?.Permissions));
    }

    public static Conversation ConversationOf(DiscordInteraction interaction) => new(
        interaction.ChannelId ?? interaction.Channel?.Id ?? "",
        IsNsfw: interaction.Channel?.Nsfw ?? false,
        IsDirectMessage: interaction.GuildId is null);

    /// <summary>A slash command: options and attachments into a request, or a refusal for the member.</summary>
    public MappedCommand MapSlash(DiscordInteraction interaction, CommandKind kind, ReplyHandle reply)
    {
        var values = Flatten(interaction.Data?.Options);
        var inputs = new List<MediaRef>();
        foreach (var option in values.Values.Where(o => o.Type == 11))
        {
            var id = Text(option);
            if (id is null || interaction.Data?.Resolved?.Attachments?.GetValueOrDefault(id) is not { } attachment)
            {
                return MappedCommand.Refuse("That attachment did not come through; please attach it again.");
            }

            var role = option.Name switch
            {
                "mask" => MediaRole.Mask,
                "end_image" or "last_frame" => MediaRole.LastFrame,
                _ => MediaRole.Image,
            };
            var (media, refusal) = CheckAttachment(attachment, role);
            if (refusal is not null)
            {
                return MappedCommand.Refuse(refusal);
            }

            inputs.Add(media!);
        }

        var grant = Long(values, "grant");
        var allowance = Long(values, "allowance");
        var finalKind = kind switch
        {
            CommandKind.Credits when grant is not null => CommandKind.GrantCredits,
            CommandKind.Settings when allowance is not null => CommandKind.SetAllowance,
            _ => kind,
        };
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (values.TryGetValue("gallery", out var gallery) && gallery.Value is { } g)
        {
            extra["gallery"] = g.ValueKind == JsonValueKind.True ? "true" : "false";
        }

        if (values.TryGetValue("operation", out var operation) && Text(operation) is { } op)
        {
            extra["operation"] = op;
        }

        var commandOptions = new CommandOptions
        {
            Prompt = Str(values, "prompt"),
            NegativePrompt = Str(values, "negative"),
            Model = Str(values, "model") ?? Str(values, "default_model"),
            AspectRatio = Str(values, "aspect"),
            Count = (int?)Long(values, "count"),
            Seed = Long(values, "seed"),
            Strength = Double(values, "strength"),
            DurationSeconds = (int?)Long(values, "duration"),
            Resolution = Str(values, "resolution"),
            UpscaleFactor = (int?)Long(values, "factor"),
            Mode = Str(values, "mode"),
            TargetUserId = Str(values, "user"),
            Amount = grant ?? allowance,
            JobId = Str(values, "job"),
            Extra = extra,
        };

        if (StartsJob(finalKind) && commandOptions.Prompt is not null)
        {
            // Inline flags typed into the prompt ("a fox --ar 16:9") override the option fields.
            var parsed = CommandText.ApplyInlineFlags(finalKind, commandOptions);
            if (parsed.Error is not null)
            {
                return MappedCommand.Refuse(parsed.Error);
            }

            commandOptions = parsed.Options;
        }

        return new MappedCommand(
            new CommandRequest(finalKind, ActorOf(interaction), ConversationOf(interaction), commandOptions, inputs, reply)
            {
                RawText = RawText(interaction.Data?.Name, values.Values),
            },
            null);
    }

    /// <summary>A job on a message's image: a context menu, a reaction, or the Edit modal of either.</summary>
    public MappedCommand MapMessageAction(CommandKind kind, Actor actor, Conversation conversation, DiscordMessage target, string? prompt, ReplyHandle reply)
    {
        var sourceJob = SourceJobOf(target);
        var image = target.Attachments?.FirstOrDefault(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? LooksLikeImage(a.Filename));
        if (image is null && sourceJob is null)
        {
            return MappedCommand.Refuse("That message has no image to work on.");
        }

        var inputs = new List<MediaRef>();
        if (image is not null)
        {
            var (media, refusal) = CheckAttachment(image, MediaRole.Image);
            if (refusal is not null)
            {
                return MappedCommand.Refuse(refusal);
            }

            inputs.Add(media!);
        }

        var commandOptions = new CommandOptions { Prompt = prompt };
        if (prompt is not null)
        {
            var parsed = CommandText.ApplyInlineFlags(kind, commandOptions);
            if (parsed.Error is not null)
            {
                return MappedCommand.Refuse(parsed.Error);
            }

            commandOptions = parsed.Options;
        }

        var request = new CommandRequest(kind, actor, conversation, commandOptions, inputs, reply)
        {
            SourceJobId = inputs.Count == 0 ? sourceJob?.JobId : null,
            SourceOutputIndex = inputs.Count == 0 ? sourceJob?.Index : null,
            RawText = $"{kind} on message {target.Id}",
        };
        return new MappedCommand(request, null);
    }

    /// <summary>A button under a result (or the Edit modal it opened): the action on that job's output.</summary>
    public static MappedCommand MapButton(DiscordInteraction interaction, ButtonAction action, string jobId, int? index, string? prompt, ReplyHandle reply) =>
        new(ButtonCommands.ToRequest(action, jobId, index, ActorOf(interaction), ConversationOf(interaction), reply, prompt), null);

    /// <summary>The job a bot result belongs to, read from its buttons' custom ids.</summary>
    public static (string JobId, int? Index)? SourceJobOf(DiscordMessage message)
    {
        if (message.Components is not { ValueKind: JsonValueKind.Array } rows)
        {
            return null;
        }

        foreach (var row in rows.EnumerateArray())
        {
            if (!row.TryGetProperty("components", out var buttons) || buttons.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var button in buttons.EnumerateArray())
            {
                if (button.TryGetProperty("custom_id", out var id) && ButtonId.TryDecode(id.GetString(), out _, out var jobId, out _))
                {
                    return (jobId, null);
                }
            }
        }

        return null;
    }

    /// <summary>Checks an attachment before any credit is reserved: Discord's CDN only, an image or video, within the size cap.</summary>
    public (MediaRef? Media, string? Refusal) CheckAttachment(DiscordAttachment attachment, MediaRole role)
    {
        var settings = options.Value;
        if (!Interactions.DiscordPlatformMedia.IsAllowed(attachment.Url, settings.EffectiveCdnHosts, out _))
        {
            return (null, "That file is not on Discord's CDN, so I can't use it.");
        }

        if (attachment.Size > settings.MaxInputBytes)
        {
            return (null, $"{attachment.Filename} is {Megabytes(attachment.Size)} — the limit is {Megabytes(settings.MaxInputBytes)}.");
        }

        var type = attachment.ContentType;
        var acceptable = type is null
            ? LooksLikeImage(attachment.Filename) || attachment.Filename.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase)
            : type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
              || (role == MediaRole.Audio && type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase));
        if (!acceptable)
        {
            return (null, $"{attachment.Filename} is not an image. Please attach a PNG, JPEG, WebP or GIF.");
        }

        return (new MediaRef(attachment.Url, attachment.Filename, type, attachment.Size, RequiresBotToken: false, role), null);
    }

    private static bool LooksLikeImage(string name) =>
        name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".webp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".gif", StringComparison.OrdinalIgnoreCase);

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    private static Dictionary<string, InteractionOption> Flatten(IReadOnlyList<InteractionOption>? options)
    {
        var result = new Dictionary<string, InteractionOption>(StringComparer.Ordinal);
        foreach (var option in options ?? [])
        {
            if (option.Options is { Count: > 0 } nested)
            {
                foreach (var (name, value) in Flatten(nested))
                {
                    result[name] = value;
                }
            }
            else
            {
                result[option.Name] = option;
            }
        }

        return result;
    }

    private static string? Text(InteractionOption option) => option.Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };

    private static string? Str(Dictionary<string, InteractionOption> values, string name) =>
        values.TryGetValue(name, out var option) && Text(option) is { Length: > 0 } text ? text.Trim() : null;

    private static long? Long(Dictionary<string, InteractionOption> values, string name) =>
        Str(values, name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Double(Dictionary<string, InteractionOption> values, string name) =>
        Str(values, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string RawText(string? name, IEnumerable<InteractionOption> options)
    {
        var text = new StringBuilder("/").Append(name);
        foreach (var option in options)
        {
            text.Append(' ').Append(option.Name).Append(':').Append(Text(option));
        }

        return text.ToString();
    }
}
