using ChatBot.Core.Replies;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Blocks;

/// <summary>
/// The modal's selects when the member must choose: for a message with several files, which file is the image,
/// the mask, the end frame, the audio (per action); for a result with several images, which one. An option's value
/// is the file's index in the modal's metadata (or the image's index in the result).
/// </summary>
internal static class SlackRoleSelects
{
    public const string ActionId = "file";
    public const string ImageBlockId = "role-image";
    public const string MaskBlockId = "role-mask";
    public const string LastFrameBlockId = "role-end";
    public const string AudioBlockId = "role-audio";
    public const string OutputBlockId = "output";

    private sealed record Role(string BlockId, string Label, string Kind, MediaRole As, bool Optional);

    private static IReadOnlyList<Role> RolesFor(ButtonAction action) => action switch
    {
        ButtonAction.Edit =>
        [
            new(ImageBlockId, "Image to edit", "image", MediaRole.Image, false),
            new(MaskBlockId, "Mask (white = change)", "image", MediaRole.Mask, true),
            new(AudioBlockId, "Audio", "audio", MediaRole.Audio, true),
        ],
        ButtonAction.Animate =>
        [
            new(ImageBlockId, "First frame", "image", MediaRole.Image, false),
            new(LastFrameBlockId, "Last frame", "image", MediaRole.LastFrame, true),
            new(AudioBlockId, "Audio (lip sync)", "audio", MediaRole.Audio, true),
        ],
        _ => [new(ImageBlockId, "Image", "image", MediaRole.Image, false)],
    };

    /// <summary>Whether a message with these files needs the member to choose before <paramref name="action"/> runs.</summary>
    public static bool NeedsChoice(IReadOnlyList<EditModalFile> files, ButtonAction action) =>
        RolesFor(action).Select(r => r.Kind).Distinct(StringComparer.Ordinal).Sum(kind => files.Count(f => f.Kind == kind)) > 1;

    /// <summary>The selects for <paramref name="files"/> and <paramref name="action"/>: one per role the files can fill.</summary>
    public static IEnumerable<JsonObject> For(IReadOnlyList<EditModalFile> files, ButtonAction action = ButtonAction.Edit)
    {
        foreach (var role in RolesFor(action))
        {
            var options = Options(files, role.Kind).ToList();
            if (options.Count > 0)
            {
                yield return Select(role.BlockId, role.Label, options, role.Optional);
            }
        }
    }

    /// <summary>The select of which image of a result (<paramref name="outputs"/> of them) to act on.</summary>
    public static JsonObject ForOutputs(int outputs) => Select(
        OutputBlockId,
        "Which image?",
        [.. Enumerable.Range(0, outputs).Select(i => new JsonObject
        {
            ["text"] = SlackBlocks.PlainText(string.Create(CultureInfo.InvariantCulture, $"Image {i + 1}")),
            ["value"] = i.ToString(CultureInfo.InvariantCulture),
        })],
        optional: false);

    /// <summary>The image of the result the member chose; null when the select is missing or out of range.</summary>
    public static int? ChosenOutput(SlackView view, int outputs) =>
        int.TryParse(view.Value(OutputBlockId, ActionId), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < outputs ? i : null;

    private static IEnumerable<JsonObject> Options(IReadOnlyList<EditModalFile> files, string kind) =>
        files.Select((f, i) => (f, i)).Where(x => x.f.Kind == kind).Select(x => new JsonObject
        {
            ["text"] = SlackBlocks.PlainText(Label(x.f, x.i)),
            ["value"] = x.i.ToString(CultureInfo.InvariantCulture),
        });

    private static string Label(EditModalFile file, int index)
    {
        var name = $"{index + 1}. {file.FileName ?? "file"}";
        return name.Length <= 75 ? name : name[..75];
    }

    private static JsonObject Select(string blockId, string label, List<JsonObject> options, bool optional)
    {
        var element = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = ActionId,
            ["options"] = new JsonArray([.. options]),
        };
        if (!optional)
        {
            element["initial_option"] = options[0].DeepClone();
        }

        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = blockId,
            ["optional"] = optional,
            ["label"] = SlackBlocks.PlainText(label),
            ["element"] = element,
        };
    }

    /// <summary>The inputs the member chose; the first image when the image select is empty. Null when a file was given two roles.</summary>
    public static List<MediaRef>? Chosen(SlackView view, IReadOnlyList<EditModalFile> files, ButtonAction action = ButtonAction.Edit)
    {
        var inputs = new List<MediaRef>();
        var used = new HashSet<int>();
        foreach (var role in RolesFor(action))
        {
            var index = Pick(view, role.BlockId, files, role.Kind);
            if (index is null && !role.Optional)
            {
                index = files.Select((f, i) => (f, i)).FirstOrDefault(x => x.f.Kind == role.Kind, (null!, -1)).i;
                index = index < 0 ? null : index;
            }

            if (index is not { } i)
            {
                if (!role.Optional)
                {
                    return null;
                }

                continue;
            }

            if (!used.Add(i))
            {
                return null;
            }

            inputs.Add(files[i].ToRef(role.As));
        }

        return inputs;
    }

    private static int? Pick(SlackView view, string blockId, IReadOnlyList<EditModalFile> files, string kind) =>
        int.TryParse(view.Value(blockId, ActionId), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
        && i >= 0 && i < files.Count && files[i].Kind == kind
            ? i
            : null;
}
