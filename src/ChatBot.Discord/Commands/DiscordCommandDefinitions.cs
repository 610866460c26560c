namespace ChatBot.Discord.Commands;

/// <summary>The application commands the bot registers: slash commands and message context menus.</summary>
internal static class DiscordCommandDefinitions
{
    public const string EditImageMenu = "Edit image";
    public const string UpscaleMenu = "Upscale";
    public const string AnimateMenu = "Animate";
    public const string RemoveBackgroundMenu = "Remove background";

    /// <summary><c>/settings me</c> on Discord: its own command, since <c>/settings</c> is shown to server managers only.</summary>
    public const string MemberSettingsCommand = "settings-me";

    private const int String = 3;
    private const int Integer = 4;
    private const int Boolean = 5;
    private const int User = 6;
    private const int Channel = 7;
    private const int Role = 8;
    private const int Number = 10;
    private const int Attachment = 11;

    /// <summary>The <c>MANAGE_GUILD</c> permission bit: who sees <c>/settings</c> (server admins may widen it).</summary>
    public const string ManageServer = "32";

    /// <summary>The commands <c>/help command:</c> offers.</summary>
    private static readonly string[] HelpTopics = ["imagine", "edit", "video", "upscale", "credits", "jobs", "cancel", "models", "settings"];

    public static JsonArray All() =>
    [
        Slash("imagine", "Create images from a prompt",
            Option("prompt", "What to draw (inline flags like --ar 16:9 work too)", String, required: true),
            Option("model", "Model to use", String, autocomplete: true),
            Option("aspect", "Aspect ratio, e.g. 16:9", String),
            Option("count", "How many images", Integer, min: 1, max: 4),
            Option("negative", "What to avoid", String),
            Option("seed", "Seed for repeatable results", Integer, min: 0),
            Option("image", "Reference image", Attachment),
            Option("reference2", "Another reference image", Attachment),
            Option("reference3", "Another reference image", Attachment)),
        Slash("edit", "Edit an image with a prompt",
            Option("image", "The image to edit", Attachment, required: true),
            Option("prompt", "What should change", String),
            Option("mode", "edit, inpaint, reframe, remove-background, …", String),
            Option("model", "Model to use", String, autocomplete: true),
            Option("mask", "Mask for inpainting (white = change)", Attachment),
            Option("reference", "A reference image (style, subject)", Attachment),
            Option("reference2", "Another reference image", Attachment),
            Option("reference3", "Another reference image", Attachment),
            Option("aspect", "Target aspect ratio (reframe)", String),
            Option("strength", "How strongly to change it (0–1)", Number, min: 0, max: 1)),
        Slash("video", "Make a short video from a prompt or an image",
            Option("prompt", "What happens (inline flags like --duration 5 work too)", String),
            Option("image", "Start image (the face, for lip sync)", Attachment),
            Option("end_frame", "Last frame", Attachment),
            Option("audio", "Audio (lip sync)", Attachment),
            Option("video", "A video to extend (mode: extend) or remove the background of", Attachment),
            Option("mode", "video, lipsync, storyboard, extend, remove-background", String),
            Option("model", "Model to use", String, autocomplete: true),
            Option("duration", "Seconds", Integer, min: 1, max: 60),
            Option("aspect", "Aspect ratio", String),
            Option("resolution", "Resolution, e.g. 720p", String)),
        Slash("upscale", "Upscale an image or a video",
            Option("image", "The image to upscale", Attachment),
            Option("video", "A video to upscale (instead of an image)", Attachment),
            Option("factor", "Scale factor (the model decides which: 1, 2, 4, …)", Integer, min: 1, max: 8),
            Option("mode", "upscale or enhance", String),
            Option("prompt", "What the image shows (some models use it)", String),
            Option("model", "Model to use", String, autocomplete: true)),
        Slash("credits", "Show credits (admins: another member's, or grant some)",
            Option("user", "Member (admins only)", User),
            Option("grant", "Credits to grant to the member (admins only; negative removes)", Integer)),
        Slash("jobs", "Your running jobs (with Cancel buttons) and the last finished ones"),
        Slash("history", "Your latest results, with Show, Info and Re-roll buttons"),
        Slash("show", "Post one of your results again here, with its buttons",
            Option("job", "Job id (see /history)", String, required: true)),
        Slash("cancel", "Cancel a queued or running job",
            Option("job", "Job id (default: your latest)", String)),
        Slash("models", "List the models",
            Option("operation", "imagine, edit, video, upscale, lip-sync, inpaint, …", String)),
        Slash("help", "How to use the commands",
            Choices(Option("command", "A command: its options and allowed values", String), HelpTopics)),
        Slash("templates", "Find an image template by platform or words",
            Option("prompt", "A platform (instagram, linkedin, …) or words to search for", String)),
        Admin(Slash("settings", "Server settings (admins only)",
            Option("default_model", "Default model for this server (auto: cheapest)", String, autocomplete: true),
            Option("allowance", "Daily credit allowance per member", Integer, min: 0),
            Option("gallery", "Offer Save to gallery", Boolean),
            Option("confirm_above", "Jobs costing more credits than this ask the member to confirm first (default 50)", Integer, min: 0),
            Option("disable_model", "Hide a model on this server", String, autocomplete: true),
            Option("enable_model", "Offer a hidden model again", String, autocomplete: true),
            Option("allow_channel", "Let the bot answer in this channel (once one is allowed, only allowed ones)", Channel),
            Option("disallow_channel", "Take a channel off the allowed ones (none left: every channel)", Channel),
            Option("block_word", "Refuse prompts with this word on this server", String),
            Option("unblock_word", "Take a word off this server's blocklist", String),
            Option("role", "A role, for role_allowance", Role),
            Option("role_allowance", "Daily allowance for members with `role` (their highest role's counts)", Integer, min: 0),
            Option("clear_role_allowance", "Members with this role get the server's allowance again", Role))),
        Slash(MemberSettingsCommand, "Your own defaults: model, aspect ratio, number of images (flags still win)",
            Option("model", "Your default model (auto: none)", String, autocomplete: true),
            Option("ar", "Your default aspect ratio, e.g. 16:9 (-: none)", String),
            Option("n", "How many images by default", Integer, min: 1, max: 10),
            Option("clear", "Forget all your defaults", Boolean)),
        Slash("stats", "Usage statistics (admins only)",
            Option("allowance", "Show what this daily allowance would have meant", Integer, min: 0)),
        MessageMenu(EditImageMenu),
        MessageMenu(UpscaleMenu),
        MessageMenu(AnimateMenu),
        MessageMenu(RemoveBackgroundMenu),
    ];

    private static JsonObject Admin(JsonObject command)
    {
        command["default_member_permissions"] = ManageServer;
        return command;
    }

    private static JsonObject Choices(JsonObject option, IEnumerable<string> values)
    {
        option["choices"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["name"] = v, ["value"] = v })]);
        return option;
    }

    private static JsonObject Slash(string name, string description, params JsonObject[] options) => new()
    {
        ["name"] = name,
        ["type"] = 1,
        ["description"] = description,
        ["options"] = new JsonArray([.. options]),
        ["contexts"] = new JsonArray(0, 1),
        ["integration_types"] = new JsonArray(0),
    };

    private static JsonObject MessageMenu(string name) => new()
    {
        ["name"] = name,
        ["type"] = 3,
        ["contexts"] = new JsonArray(0, 1),
        ["integration_types"] = new JsonArray(0),
    };

    private static JsonObject Option(string name, string description, int type, bool required = false, bool autocomplete = false, double? min = null, double? max = null)
    {
        var option = new JsonObject { ["name"] = name, ["description"] = description, ["type"] = type, ["required"] = required };
        if (autocomplete)
        {
            option["autocomplete"] = true;
        }

        if (min is { } lo)
        {
            option["min_value"] = lo;
        }

        if (max is { } hi)
        {
            option["max_value"] = hi;
        }

        return option;
    }
}
