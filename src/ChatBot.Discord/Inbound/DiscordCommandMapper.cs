using ChatBot.Core.Commands;
using ChatBot.Core.Replies;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>Turns interactions into the engine's <see cref="CommandRequest"/>, checking attachments on the way.</summary>
internal sealed class DiscordCommandMapper(IOptions<DiscordOptions> options)
{
    /// <summary>The <c>/settings</c> options that are a Core text setting as they are: option name, setting.</summary>
    private static readonly (string Option, string Setting)[] TextSettings =
    [
        ("allow_channel", "allow-channel"),
        ("disallow_channel", "disallow-channel"),
        ("block_word", "block-word"),
        ("unblock_word", "unblock-word"),
    ];

    /// <summary>A slash command: options and attachments into a request, or a refusal for the member.</summary>
    public MappedCommand MapSlash(DiscordInteraction interaction, CommandKind kind, ReplyHandle reply)
    {
        var values = new SlashOptionValues(interaction.Data?.Options);
        var inputs = new List<MediaRef>();
        foreach (var option in values.All.Where(o => o.Type == 11))
        {
            var id = SlashOptionValues.Text(option);
            if (id is null || interaction.Data?.Resolved?.Attachments?.GetValueOrDefault(id) is not { } attachment)
            {
                return MappedCommand.Refuse("That attachment did not come through; please attach it again.");
            }

            var (media, refusal) = CheckAttachment(attachment, RoleOf(option.Name));
            if (refusal is not null)
            {
                return MappedCommand.Refuse(refusal);
            }

            inputs.Add(media!);
        }

        var grant = values.Long("grant");
        var allowance = values.Long("allowance");
        var finalKind = kind switch
        {
            CommandKind.Credits when grant is not null => CommandKind.GrantCredits,
            CommandKind.Settings when allowance is not null => CommandKind.SetAllowance,
            _ => kind,
        };
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (kind == CommandKind.Settings)
        {
            var changes = SettingChanges(values);
            if (changes.Count + (allowance is null ? 0 : 1) > 1)
            {
                return MappedCommand.Refuse("Change one setting at a time, please.");
            }

            if (changes is [var (setting, value)])
            {
                extra["setting"] = setting;
                extra["value"] = value;
            }
        }

        if (interaction.Data?.Name == Commands.DiscordCommandDefinitions.MemberSettingsCommand)
        {
            extra["setting"] = "me";
            extra["value"] = MemberSettingsValue(values);
        }

        if (values.Get("operation") is { } operation && SlashOptionValues.Text(operation) is { } op)
        {
            extra["operation"] = op;
        }

        var commandOptions = new CommandOptions
        {
            Prompt = values.Str("prompt") ?? values.Str("command"),
            NegativePrompt = values.Str("negative"),
            Model = values.Str("model"),
            AspectRatio = values.Str("aspect"),
            Count = (int?)values.Long("count"),
            Seed = values.Long("seed"),
            Strength = values.Double("strength"),
            DurationSeconds = (int?)values.Long("duration"),
            Resolution = values.Str("resolution"),
            UpscaleFactor = (int?)values.Long("factor"),
            Mode = values.Str("mode"),
            TargetUserId = values.Str("user"),
            Amount = grant ?? allowance,
            JobId = values.Str("job"),
            Extra = extra,
        };

        if (finalKind.StartsJob() && commandOptions.Prompt is not null)
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
            new CommandRequest(finalKind, DiscordActors.ActorOf(interaction), DiscordActors.ConversationOf(interaction), commandOptions, inputs, reply)
            {
                RawText = values.RawText(interaction.Data?.Name),
            },
            null);
    }

    /// <summary>What an attachment option is for, by its name (<c>reference2</c> is a reference).</summary>
    private static MediaRole RoleOf(string option) => option switch
    {
        "mask" => MediaRole.Mask,
        "end_frame" => MediaRole.LastFrame,
        "audio" => MediaRole.Audio,
        "video" => MediaRole.Video,
        _ when option.StartsWith("reference", StringComparison.Ordinal) => MediaRole.Reference,
        _ => MediaRole.Image,
    };

    /// <summary><c>/settings-me</c>'s options as <c>/settings me</c>'s text: <c>model:… ar:… n:…</c>, or <c>clear</c>.</summary>
    private static string MemberSettingsValue(SlashOptionValues values)
    {
        if (values.Get("clear") is { Value.ValueKind: JsonValueKind.True })
        {
            return "clear";
        }

        var parts = new List<string>(3);
        if (values.Str("model") is { } model)
        {
            parts.Add($"model:{model}");
        }

        if (values.Str("ar") is { } ar)
        {
            parts.Add($"ar:{ar}");
        }

        if (values.Long("n") is { } n)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"n:{n}"));
        }

        return string.Join(' ', parts);
    }

    /// <summary>The <c>/settings</c> options given, as the engine's <c>setting value</c> pairs.</summary>
    private static List<(string Setting, string Value)> SettingChanges(SlashOptionValues values)
    {
        var changes = new List<(string, string)>();
        if (values.Str("default_model") is { } model)
        {
            changes.Add(("default-model", model));
        }

        if (values.Get("gallery") is { Value: { ValueKind: JsonValueKind.True or JsonValueKind.False } gallery })
        {
            changes.Add(("gallery", gallery.ValueKind == JsonValueKind.True ? "on" : "off"));
        }

        if (values.Long("confirm_above") is { } threshold)
        {
            changes.Add(("confirm-above", threshold.ToString(CultureInfo.InvariantCulture)));
        }

        if (values.Str("disable_model") is { } disable)
        {
            changes.Add(("disable-model", disable));
        }

        if (values.Str("enable_model") is { } enable)
        {
            changes.Add(("enable-model", enable));
        }

        // A role option carries the role's id, which Core keeps as it is.
        if (values.Long("role_allowance") is { } credits)
        {
            changes.Add(("role-allowance", $"{values.Str("role")} {credits.ToString(CultureInfo.InvariantCulture)}".Trim()));
        }

        if (values.Str("clear_role_allowance") is { } cleared)
        {
            changes.Add(("clear-role-allowance", cleared));
        }

        // Channel options carry the channel's id, which Core keeps as it is; words go as typed.
        foreach (var (option, setting) in TextSettings)
        {
            if (values.Str(option) is { } value)
            {
                changes.Add((setting, value));
            }
        }

        return changes;
    }

    /// <summary>A job on a message's image: a context menu, a reaction, or the Edit modal of either.</summary>
    /// <param name="imageIndex">Which of the message's images the member picked (<see cref="MessageImageChoice"/>); null: the first.</param>
    public MappedCommand MapMessageAction(CommandKind kind, Actor actor, Conversation conversation, DiscordMessage target, string? prompt, ReplyHandle reply, int? imageIndex = null)
    {
        var sourceJob = SourceJobOf(target);
        var images = MessageImageChoice.Images(target);
        var image = images.ElementAtOrDefault(imageIndex ?? 0);
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
        new(ButtonCommands.ToRequest(action, jobId, index, DiscordActors.ActorOf(interaction), DiscordActors.ConversationOf(interaction), reply, prompt), null);

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

    /// <summary>Checks an attachment before any credit is reserved (see <see cref="DiscordAttachmentCheck"/>).</summary>
    public (MediaRef? Media, string? Refusal) CheckAttachment(DiscordAttachment attachment, MediaRole role) =>
        DiscordAttachmentCheck.Check(attachment, role, options.Value);
}
