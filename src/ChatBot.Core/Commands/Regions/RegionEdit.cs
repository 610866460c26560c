using ChatBot.Core.Catalog;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Regions;

/// <summary>
/// Vary (Region): the inpaint job a painted mask and a prompt mean for one output of an earlier result. The mask is a
/// PNG of the image's size, transparent where the picture should change (the bot's convention; providers convert it).
/// </summary>
public static class RegionEdit
{
    /// <summary>What the Vary (Region) button says.</summary>
    public const string Label = "Vary (Region)";

    /// <summary>
    /// The model to inpaint with: the source's own model when it can inpaint, else <paramref name="configured"/> when it
    /// can, else null (the router picks the catalog's default inpainting model).
    /// </summary>
    public static string? ModelFor(ModelCatalog catalog, string? sourceModelId, string? configured)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        bool Inpaints(string? id) => id is not null && catalog.Find(id) is { } model && model.Operations.Contains(MediaOperation.Inpaint);
        return Inpaints(sourceModelId) ? sourceModelId : Inpaints(configured) ? configured : null;
    }

    /// <summary>The inpaint request: the source output is the image (added by the engine), <paramref name="mask"/> the mask.</summary>
    public static CommandRequest ToRequest(
        string jobId,
        int outputIndex,
        Actor actor,
        Conversation conversation,
        ReplyHandle reply,
        string prompt,
        MediaRef mask,
        string? modelId)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var options = CommandText.ApplyInlineFlags(CommandKind.Edit, new CommandOptions { Prompt = prompt }).Options;
        options = options with { Mode = "inpaint", Model = options.Model ?? modelId };
        return new CommandRequest(CommandKind.Edit, actor, conversation, options, [mask with { Role = MediaRole.Mask }], reply)
        {
            SourceJobId = jobId,
            SourceOutputIndex = outputIndex,
            RawText = $"[button {ButtonAction.VaryRegion}] {prompt}",
        };
    }
}
