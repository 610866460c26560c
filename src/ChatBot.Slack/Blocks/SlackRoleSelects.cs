using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Blocks;

/// <summary>
/// The Edit modal's selects for a message with several files: which file is the image, the mask, the audio.
/// An option's value is the file's index in the modal's metadata.
/// </summary>
internal static class SlackRoleSelects
{
    public const string ActionId = "file";
    public const string ImageBlockId = "role-image";
    public const string MaskBlockId = "role-mask";
    public const string AudioBlockId = "role-audio";

    /// <summary>The selects for <paramref name="files"/>: image (required), mask (optional) and, when there is audio, audio.</summary>
    public static IEnumerable<JsonObject> For(IReadOnlyList<EditModalFile> files)
    {
        var images = Options(files, "image").ToList();
        if (images.Count > 0)
        {
            yield return Select(ImageBlockId, "Image to edit", images, optional: false);
            yield return Select(MaskBlockId, "Mask (white = change)", Options(files, "image").ToList(), optional: true);
        }

        var audio = Options(files, "audio").ToList();
        if (audio.Count > 0)
        {
            yield return Select(AudioBlockId, "Audio", audio, optional: true);
        }
    }

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

    /// <summary>The inputs the member chose; the first image when the image select is empty. Null when the choice does not hold together.</summary>
    public static List<MediaRef>? Chosen(SlackView view, IReadOnlyList<EditModalFile> files)
    {
        var image = Pick(view, ImageBlockId, files, "image") ?? files.FirstOrDefault(f => f.Kind == "image");
        var mask = Pick(view, MaskBlockId, files, "image");
        var audio = Pick(view, AudioBlockId, files, "audio");
        if (image is null || ReferenceEquals(image, mask))
        {
            return null;
        }

        var inputs = new List<MediaRef> { image.ToRef(MediaRole.Image) };
        if (mask is not null)
        {
            inputs.Add(mask.ToRef(MediaRole.Mask));
        }

        if (audio is not null)
        {
            inputs.Add(audio.ToRef(MediaRole.Audio));
        }

        return inputs;
    }

    private static EditModalFile? Pick(SlackView view, string blockId, IReadOnlyList<EditModalFile> files, string kind) =>
        int.TryParse(view.Value(blockId, ActionId), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
        && i >= 0 && i < files.Count && files[i].Kind == kind
            ? files[i]
            : null;
}
