using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Providers.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Providers.ImageStudio;

/// <summary>
/// ALwrity Image Studio (document 001): Bearer auth, everything under <c>/api/image-studio</c>, synchronous
/// answers with base64 images. Create, the edit operations, upscale, control and the social optimizer; a cost
/// estimate before each run gives the actual cost; <c>/health</c> feeds availability.
/// </summary>
internal sealed class ImageStudioProvider(
    [FromKeyedServices(ProviderNames.ImageStudio)] ProviderHttp http,
    ILogger<ImageStudioProvider> logger) : IMediaProvider, IProviderTemplates
{
    private const string Root = "api/image-studio/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly string[] DefaultPlatforms = ["instagram", "facebook", "linkedin"];

    /// <summary>How long /models reuses the template list before asking again.</summary>
    private static readonly TimeSpan TemplateCacheDuration = TimeSpan.FromMinutes(5);

    private volatile bool _unhealthy;
    private volatile CachedTemplates? _templates;

    public string Name => ProviderNames.ImageStudio;

    /// <summary>Key present, circuit closed, and the last health check (if any) said healthy.</summary>
    public bool IsAvailable => http.IsAvailable && !_unhealthy;

    public bool ResubmitIsSafe => false;

    /// <summary>Asks <c>/health</c>; the answer feeds <see cref="IsAvailable"/> (the router skips an unhealthy provider).</summary>
    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        bool healthy;
        try
        {
            using var response = await http.GetAsync(Root + "health", cancellationToken).ConfigureAwait(false);
            healthy = response.IsSuccessStatusCode
                && (await http.ReadJsonAsync<ImageStudioWire.Health>(response, cancellationToken).ConfigureAwait(false)).Status == "healthy";
        }
        catch (ProviderException)
        {
            healthy = false;
        }

        _unhealthy = !healthy;
        return healthy;
    }

    /// <summary>All templates, for /models; a successful answer is reused for a few minutes.</summary>
    async Task<IReadOnlyList<ProviderTemplate>> IProviderTemplates.GetTemplatesAsync(CancellationToken cancellationToken)
    {
        var now = http.Time.GetUtcNow();
        if (_templates is { } cached && now < cached.Until)
        {
            return cached.Templates;
        }

        if (!http.HasKey)
        {
            throw http.NotConfigured();
        }

        var templates = await GetTemplatesAsync(null, null, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ProviderTemplate> list = [.. templates.Select(t => new ProviderTemplate(t.Id, t.Name, Note(t)))];
        _templates = new CachedTemplates(list, now + TemplateCacheDuration);
        return list;

        static string? Note(ImageStudioTemplate t) => (t.Ratio, t.Width, t.Height) switch
        {
            ({ Length: > 0 } ratio, { } w, { } h) => $"{ratio}, {w}×{h}",
            ({ Length: > 0 } ratio, _, _) => ratio,
            (_, { } w, { } h) => $"{w}×{h}",
            _ => null,
        };
    }

    /// <summary>The templates Image Studio offers, optionally for one platform or category.</summary>
    public async Task<IReadOnlyList<ImageStudioTemplate>> GetTemplatesAsync(string? platform, string? category, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (platform is not null)
        {
            query.Add("platform=" + Uri.EscapeDataString(platform));
        }

        if (category is not null)
        {
            query.Add("category=" + Uri.EscapeDataString(category));
        }

        using var response = await http.GetAsync(Root + "templates" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), cancellationToken).ConfigureAwait(false);
        await EnsureOkAsync(response, cancellationToken).ConfigureAwait(false);
        var list = await http.ReadJsonAsync<ImageStudioWire.TemplateList>(response, cancellationToken).ConfigureAwait(false);
        return [.. (list.Templates ?? []).Select(t => new ImageStudioTemplate(t.Id, t.Name ?? t.Id, t.Platform, t.Category, t.AspectRatio?.Ratio, t.AspectRatio?.Width, t.AspectRatio?.Height))];
    }

    public async Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        if (!http.HasKey)
        {
            throw http.NotConfigured();
        }

        var (path, body, estimateOperation) = await BuildAsync(request, cancellationToken).ConfigureAwait(false);
        var cost = await EstimateAsync(request, estimateOperation, cancellationToken).ConfigureAwait(false);
        using var response = await http.SubmitAsync(
            () => new HttpRequestMessage(HttpMethod.Post, Root + path) { Content = JsonContent.Create(body.Where(kv => kv.Value is not null).ToDictionary(), options: Json) },
            cancellationToken).ConfigureAwait(false);
        await EnsureOkAsync(response, cancellationToken).ConfigureAwait(false);

        ProviderUpdate result;
        try
        {
            result = path switch
            {
                "create" => await CreateResultAsync(response, request, cost, cancellationToken).ConfigureAwait(false),
                "social/optimize" => await SocialResultAsync(response, request, cost, cancellationToken).ConfigureAwait(false),
                _ => await ImageResultAsync(response, request, cost, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (ProviderException e) when (e.Code is "malformed_answer" or "result_too_large" or "result_not_media")
        {
            // The work was done (and billed) but the answer was unusable: a failed result, not a refusal.
            result = new ProviderUpdate.Failed(e.Code, e.Message);
        }

        var remoteId = $"is-{request.JobId}";
        ProviderLog.Accepted(logger, Name, request.JobId, remoteId);
        return new Submission(remoteId, null, result);
    }

    public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);

        // Image Studio answers synchronously: the result came with the submit. A job interrupted before that
        // answer cannot be picked up again (there is no job id on the wire).
        yield return submission.ImmediateResult
            ?? new ProviderUpdate.Failed("result_lost", "ALwrity Image Studio's answer was lost when the bot restarted, so the job was stopped.");
    }

    private async Task<(string Path, Dictionary<string, object?> Body, string Estimate)> BuildAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var (provider, model) = ProviderAndModel(request.Model);
        var image = request.FirstInput(MediaRole.Image);
        switch (request.Operation)
        {
            case MediaOperation.Imagine:
                return ("create", new Dictionary<string, object?>
                {
                    ["prompt"] = o.Prompt,
                    ["template_id"] = o.Template,
                    ["provider"] = provider,
                    ["model"] = model,
                    ["width"] = o.Integer("width"),
                    ["height"] = o.Integer("height"),
                    ["aspect_ratio"] = o.AspectRatio,
                    ["style_preset"] = o.Style,
                    ["quality"] = o.Text("quality") ?? QualityFromResolution(o.Resolution),
                    ["negative_prompt"] = o.NegativePrompt,
                    ["guidance_scale"] = o.Number("guidance", "cfg", "guidance_scale"),
                    ["steps"] = o.Integer("steps"),
                    ["seed"] = o.Seed,
                    ["num_variations"] = o.Count,
                    ["enhance_prompt"] = o.Flag("enhance", "expand", "enhance_prompt"),
                    ["use_persona"] = o.Text("persona") is null ? null : true,
                    ["persona_id"] = o.Text("persona"),
                }, "generate");

            case MediaOperation.Edit or MediaOperation.Inpaint or MediaOperation.Reframe or MediaOperation.RemoveBackground:
            {
                var source = Require(image);
                // The bot's /edit modes cover edit, inpaint, reframe and remove-background; the document's other
                // edit operations are reached with --op (search-replace, recolor).
                var operation = EditOperation(request.Operation, o.Text("op", "operation") ?? o.Mode);
                var body = new Dictionary<string, object?>
                {
                    ["image_base64"] = await ProviderHttp.DataUrlAsync(source, cancellationToken).ConfigureAwait(false),
                    ["operation"] = operation,
                    ["prompt"] = o.Prompt,
                    ["negative_prompt"] = o.NegativePrompt,
                    ["mask_base64"] = request.FirstInput(MediaRole.Mask) is { } mask ? await ProviderHttp.DataUrlAsync(mask, cancellationToken).ConfigureAwait(false) : null,
                    ["search_prompt"] = o.Text("search"),
                    ["select_prompt"] = o.Text("select"),
                    ["background_image_base64"] = o.Text("reference") == "background" && request.FirstInput(MediaRole.Reference) is { } bg ? await ProviderHttp.DataUrlAsync(bg, cancellationToken).ConfigureAwait(false) : null,
                    ["lighting_image_base64"] = o.Text("reference") == "lighting" && request.FirstInput(MediaRole.Reference) is { } light ? await ProviderHttp.DataUrlAsync(light, cancellationToken).ConfigureAwait(false) : null,
                    ["provider"] = provider == "auto" ? null : provider,
                    ["model"] = model,
                    ["style_preset"] = o.Style,
                    ["guidance_scale"] = o.Number("guidance", "cfg", "guidance_scale"),
                    ["steps"] = o.Integer("steps"),
                    ["seed"] = o.Seed,
                    ["output_format"] = o.Text("format") ?? "png",
                };
                if (operation == "outpaint")
                {
                    var (left, right, up, down) = Expansion(o, source.Media);
                    body["expand_left"] = left;
                    body["expand_right"] = right;
                    body["expand_up"] = up;
                    body["expand_down"] = down;
                }

                return ("edit/process", body, "edit");
            }

            case MediaOperation.Upscale:
            {
                var source = Require(image);
                var factor = o.UpscaleFactor;
                return ("upscale", new Dictionary<string, object?>
                {
                    ["image_base64"] = await ProviderHttp.DataUrlAsync(source, cancellationToken).ConfigureAwait(false),
                    ["mode"] = (o.Text("mode") ?? UpscaleMode(o.Mode) ?? "auto").ToLowerInvariant(),
                    ["target_width"] = o.Integer("width") ?? (factor is { } f && source.Media.Width is { } w ? w * f : null),
                    ["target_height"] = o.Integer("height") ?? (factor is { } g && source.Media.Height is { } h ? h * g : null),
                    ["preset"] = o.Text("preset"),
                    ["prompt"] = o.Prompt,
                }, "upscale");
            }

            case MediaOperation.Control:
            {
                var operation = ControlOperation(o.Mode);
                var strength = o.Strength;
                return ("control/process", new Dictionary<string, object?>
                {
                    ["control_image_base64"] = await ProviderHttp.DataUrlAsync(Require(image), cancellationToken).ConfigureAwait(false),
                    ["operation"] = operation,
                    ["prompt"] = o.Prompt,
                    ["style_image_base64"] = request.FirstInput(MediaRole.Reference) is { } style ? await ProviderHttp.DataUrlAsync(style, cancellationToken).ConfigureAwait(false) : null,
                    ["negative_prompt"] = o.NegativePrompt,
                    // --strength means the strength that fits the operation.
                    ["control_strength"] = operation is "sketch" or "structure" ? strength : null,
                    ["fidelity"] = operation == "style" ? strength : null,
                    ["style_strength"] = operation == "style_transfer" ? strength : null,
                    ["composition_fidelity"] = o.Number("composition"),
                    ["change_strength"] = o.Number("change"),
                    ["aspect_ratio"] = operation == "style" ? o.AspectRatio : null,
                    ["style_preset"] = o.Style,
                    ["seed"] = o.Seed,
                    ["output_format"] = o.Text("format") ?? "png",
                }, "control");
            }

            case MediaOperation.Social:
            {
                var platforms = o.Text("platforms", "platform")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToArray()
                    ?? DefaultPlatforms;
                return ("social/optimize", new Dictionary<string, object?>
                {
                    ["image_base64"] = await ProviderHttp.DataUrlAsync(Require(image), cancellationToken).ConfigureAwait(false),
                    ["platforms"] = platforms,
                    ["format_names"] = FormatNames(o.Text("formats", "format_names")),
                    ["focal_point"] = FocalPoint(o.Text("focus", "focal_point")),
                    ["show_safe_zones"] = o.Flag("safe-zones", "safe_zones"),
                    ["crop_mode"] = o.Text("crop")?.ToLowerInvariant(),
                    ["output_format"] = o.Text("format") ?? "png",
                }, "social");
            }

            default:
                throw new ProviderException("unsupported_operation", $"ALwrity Image Studio does not do {request.Operation}.");
        }
    }

    /// <summary>The cost estimate the document recommends before running; null when the estimate is unavailable.</summary>
    private async Task<decimal?> EstimateAsync(MediaRequest request, string operation, CancellationToken cancellationToken)
    {
        var (provider, model) = ProviderAndModel(request.Model);
        var body = new Dictionary<string, object?>
        {
            ["provider"] = provider,
            ["model"] = model,
            ["operation"] = operation,
            ["num_images"] = request.Operation == MediaOperation.Imagine ? request.Options.Count ?? 1 : 1,
            ["width"] = request.Options.Integer("width"),
            ["height"] = request.Options.Integer("height"),
        };
        try
        {
            var client = http.CreateClient();
            using var response = await http.Resilience.Poll.ExecuteAsync(
                async token =>
                {
                    using var message = new HttpRequestMessage(HttpMethod.Post, Root + "estimate-cost") { Content = JsonContent.Create(body.Where(kv => kv.Value is not null).ToDictionary(), options: Json) };
                    return await client.SendAsync(message, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                if ((int)response.StatusCode is 401 or 403)
                {
                    throw http.Unauthorized();
                }

                return null;
            }

            return (await http.ReadJsonAsync<ImageStudioWire.Estimate>(response, cancellationToken).ConfigureAwait(false)).EstimatedCost;
        }
        catch (ProviderException e) when (e.Code != "provider_auth")
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException and not ProviderException)
        {
            // An estimate is advice: without it the engine charges the quoted price.
            return null;
        }
    }

    private async Task<ProviderUpdate> CreateResultAsync(HttpResponseMessage response, MediaRequest request, decimal? cost, CancellationToken cancellationToken)
    {
        var answer = await http.ReadJsonAsync<ImageStudioWire.CreateAnswer>(response, cancellationToken).ConfigureAwait(false);
        var images = (answer.Results ?? []).Where(r => !string.IsNullOrEmpty(r.ImageBase64)).ToList();
        if (!answer.Success || images.Count == 0)
        {
            return new ProviderUpdate.Failed("generation_failed", "ALwrity Image Studio could not generate any image for this prompt.");
        }

        var outputs = images.Select((r, i) => http.DecodeBase64(r.ImageBase64, $"{request.JobId}-{i + 1}")).ToList();
        var note = answer.TotalFailed is > 0 ? $"{answer.TotalFailed} of {answer.TotalFailed + outputs.Count} variations failed." : null;

        // The estimate was for the requested count; charge only for what came back.
        var actual = cost is { } c && request.Options.Count is > 0 and var n ? c * outputs.Count / n : cost;
        return new ProviderUpdate.Succeeded(outputs, actual, note);
    }

    private async Task<ProviderUpdate> ImageResultAsync(HttpResponseMessage response, MediaRequest request, decimal? cost, CancellationToken cancellationToken)
    {
        var answer = await http.ReadJsonAsync<ImageStudioWire.ImageAnswer>(response, cancellationToken).ConfigureAwait(false);
        return answer.Success && !string.IsNullOrEmpty(answer.ImageBase64)
            ? new ProviderUpdate.Succeeded([http.DecodeBase64(answer.ImageBase64, $"{request.JobId}-1")], cost)
            : new ProviderUpdate.Failed("generation_failed", "ALwrity Image Studio could not process this image.");
    }

    private async Task<ProviderUpdate> SocialResultAsync(HttpResponseMessage response, MediaRequest request, decimal? cost, CancellationToken cancellationToken)
    {
        var answer = await http.ReadJsonAsync<ImageStudioWire.SocialAnswer>(response, cancellationToken).ConfigureAwait(false);
        var results = (answer.Results ?? []).Where(r => !string.IsNullOrEmpty(r.ImageBase64)).ToList();
        if (!answer.Success || results.Count == 0)
        {
            return new ProviderUpdate.Failed("generation_failed", "ALwrity Image Studio could not make any social format from this image.");
        }

        // One result per platform format, named after it so the member can tell them apart.
        var outputs = results.Select(r => http.DecodeBase64(r.ImageBase64, $"{request.JobId}-{Slug(r.Platform)}-{Slug(r.Format)}")).ToList();
        return new ProviderUpdate.Succeeded(outputs, cost, string.Join(", ", results.Select(r => $"{r.Platform}: {r.Format}")));
    }

    private async Task EnsureOkAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var (_, detail) = await ProviderErrorText.ReadAsync(response, http.ApiKey, cancellationToken).ConfigureAwait(false);
        throw (int)response.StatusCode switch
        {
            401 or 403 => http.Unauthorized(),
            429 => new ProviderException("rate_limited", "ALwrity Image Studio is rate-limiting the bot; try again in a minute.", retryable: true) { NeverReachedProvider = true },
            503 => new ProviderException("provider_unavailable", "ALwrity Image Studio is unavailable right now.", retryable: true) { NeverReachedProvider = true },
            >= 500 => new ProviderException("provider_error", detail is null ? "ALwrity Image Studio failed to make this." : $"ALwrity Image Studio failed: {detail}", retryable: true),
            404 => new ProviderException("not_found", detail is null ? "ALwrity Image Studio does not know that." : $"ALwrity Image Studio: {detail}"),
            _ => new ProviderException("invalid_request", detail is null ? "ALwrity Image Studio refused the request." : $"ALwrity Image Studio refused the request: {detail}"),
        };
    }

    /// <summary>
    /// The catalog names Image Studio's own provider in the model's <c>provider</c> setting (stability,
    /// wavespeed, huggingface, gemini); the wire model "auto" lets Image Studio choose both.
    /// </summary>
    private static (string Provider, string? Model) ProviderAndModel(ModelDefinition model)
    {
        var provider = model.Settings.TryGetValue("provider", out var p) && p.Length > 0 ? p : "auto";
        var wire = model.WireModel.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : model.WireModel;
        return (provider, wire);
    }

    /// <summary>Edit modes of the bot (kebab-case) onto the document's edit operations.</summary>
    internal static string EditOperation(MediaOperation operation, string? mode) => operation switch
    {
        MediaOperation.Inpaint => "inpaint",
        MediaOperation.Reframe => "outpaint",
        MediaOperation.RemoveBackground => "remove_background",
        _ => mode?.ToLowerInvariant().Replace('-', '_') switch
        {
            "inpaint" => "inpaint",
            "outpaint" or "reframe" => "outpaint",
            "remove_background" or "remove_bg" => "remove_background",
            "search_replace" or "replace" => "search_replace",
            "search_recolor" or "recolor" => "search_recolor",
            _ => "general_edit",
        },
    };

    private static string ControlOperation(string? mode) => mode?.ToLowerInvariant().Replace('-', '_') switch
    {
        "structure" => "structure",
        "style" => "style",
        "style_transfer" or "transfer" => "style_transfer",
        _ => "sketch",
    };

    private static string? UpscaleMode(string? mode) => mode?.ToLowerInvariant() is "fast" or "conservative" or "creative" or "auto" ? mode : null;

    /// <summary>--res maps onto the quality tiers: draft, standard, premium.</summary>
    private static string? QualityFromResolution(string? resolution) => resolution?.ToLowerInvariant() switch
    {
        "draft" or "standard" or "premium" => resolution.ToLowerInvariant(),
        _ => null,
    };

    /// <summary>
    /// Outpaint expansions: explicit <c>--left/--right/--up/--down</c> pixels, else what the image needs to reach
    /// the requested aspect ratio, split evenly on both sides.
    /// </summary>
    internal static (int Left, int Right, int Up, int Down) Expansion(CommandOptions options, StoredMedia image)
    {
        var explicitValues = (options.Integer("left") ?? 0, options.Integer("right") ?? 0, options.Integer("up") ?? 0, options.Integer("down") ?? 0);
        if (explicitValues != (0, 0, 0, 0))
        {
            return explicitValues;
        }

        if (OptionExtras.Ratio(options.AspectRatio) is not { } ratio || image.Width is not { } w || image.Height is not { } h)
        {
            throw new ProviderException("reframe_needs_target", "Say how to extend the image: --ar 16:9, or --left/--right/--up/--down in pixels.");
        }

        var target = (double)ratio.Width / ratio.Height;
        if ((double)w / h < target)
        {
            var extra = (int)Math.Round((h * target) - w);
            return (extra / 2, extra - (extra / 2), 0, 0);
        }

        var more = (int)Math.Round((w / target) - h);
        return (0, 0, more / 2, more - (more / 2));
    }

    /// <summary>"instagram=Story; facebook=Feed Post" → {"instagram": "Story", "facebook": "Feed Post"}.</summary>
    internal static Dictionary<string, string>? FormatNames(string? text)
    {
        var names = (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2 && pair[0].Length > 0 && pair[1].Length > 0)
            .ToDictionary(pair => pair[0].ToLowerInvariant(), pair => pair[1], StringComparer.Ordinal);
        return names.Count > 0 ? names : null;
    }

    /// <summary>"0.3,0.6" → {"x": 0.3, "y": 0.6} (fractions of the width and height).</summary>
    internal static Dictionary<string, double>? FocalPoint(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && x is >= 0 and <= 1 && y is >= 0 and <= 1
            ? new Dictionary<string, double>(StringComparer.Ordinal) { ["x"] = x, ["y"] = y }
            : null;
    }

    private static MediaInput Require(MediaInput? input) =>
        input ?? throw new ProviderException("input_required", "This needs an image.");

    private static string Slug(string? text) =>
        new string([.. (text ?? "image").ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');

    private sealed record CachedTemplates(IReadOnlyList<ProviderTemplate> Templates, DateTimeOffset Until);
}
