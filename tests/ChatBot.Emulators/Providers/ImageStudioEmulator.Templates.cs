using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Providers;

/// <summary>
/// Document 001's read-only endpoints: templates (filtered, searched with a required <c>query</c>, recommended for a
/// required <c>use_case</c>), a platform's social formats and its specs (404 for a platform it does not know).
/// </summary>
public sealed partial class ImageStudioEmulator
{
    /// <summary>The documented use cases of each template, which <c>/templates/recommend</c> matches words against.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> UseCases = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["linkedin_post"] = ["Thought leadership", "Company news"],
        ["instagram_feed_square"] = ["Product showcase", "Lifestyle posts", "Brand content"],
        ["instagram_story"] = ["Behind the scenes", "Announcements"],
        ["blog_header"] = ["Blog posts", "Articles"],
    };

    private void MapTemplates(WebApplication app)
    {
        app.MapGet(Prefix + "/templates", ctx => TemplatesAsync(ctx, null, t =>
            (ctx.Request.Query["platform"].ToString() is not { Length: > 0 } p || t.Platform == p)
            && (ctx.Request.Query["category"].ToString() is not { Length: > 0 } c || t.Category == c)));
        app.MapGet(Prefix + "/templates/search", ctx => TemplatesAsync(ctx, "query", t =>
            t.Id.Contains(ctx.Request.Query["query"].ToString(), StringComparison.OrdinalIgnoreCase) || t.Name.Contains(ctx.Request.Query["query"].ToString(), StringComparison.OrdinalIgnoreCase)));
        app.MapGet(Prefix + "/templates/recommend", ctx => TemplatesAsync(ctx, "use_case", t =>
            (ctx.Request.Query["platform"].ToString() is not { Length: > 0 } p || t.Platform == p)
            && Words(ctx.Request.Query["use_case"].ToString()).Any(w => UseCases[t.Id].Any(u => u.Contains(w, StringComparison.OrdinalIgnoreCase)))));
        app.MapGet(Prefix + "/social/platforms/{platform}/formats", (HttpContext ctx, string platform) => PlatformAsync(ctx, platform, f => new
        {
            formats = new[] { new { name = f.Format, width = f.Width, height = f.Height, ratio = Ratio(f.Width, f.Height), file_type = "PNG", max_size_mb = 5.0 } },
        }));
        app.MapGet(Prefix + "/platform-specs/{platform}", (HttpContext ctx, string platform) => PlatformAsync(ctx, platform, f => new
        {
            name = char.ToUpperInvariant(platform[0]) + platform[1..],
            formats = new[] { new { name = f.Format, ratio = Ratio(f.Width, f.Height), size = $"{f.Width}x{f.Height}" } },
            file_types = new[] { "JPG", "PNG" },
            max_file_size = "30MB",
        }));
    }

    private async Task TemplatesAsync(HttpContext context, string? required, Func<Template, bool> filter)
    {
        if (await BeginAsync(context, FaultScope.Status).ConfigureAwait(false) is null)
        {
            return;
        }

        if (TemplatesFail)
        {
            await WriteErrorAsync(context, 500, new { detail = "Template service unavailable" }).ConfigureAwait(false);
            return;
        }

        if (required is not null && string.IsNullOrWhiteSpace(context.Request.Query[required].ToString()))
        {
            await WriteErrorAsync(context, 400, new { detail = $"{required} is required" }).ConfigureAwait(false);
            return;
        }

        var list = Templates.Where(filter).Select(t => new
        {
            id = t.Id,
            name = t.Name,
            category = t.Category,
            platform = t.Platform,
            aspect_ratio = new { ratio = t.Ratio, width = t.Width, height = t.Height, label = t.Ratio },
            description = $"Template for {t.Name}",
            recommended_provider = "ideogram",
            style_preset = "photographic",
            quality = "premium",
            use_cases = UseCases[t.Id],
        }).ToList();
        await WriteJsonAsync(context, new { templates = list, total = list.Count }, FaultScope.Status).ConfigureAwait(false);
    }

    private async Task PlatformAsync(HttpContext context, string platform, Func<(string Format, int Width, int Height), object> body)
    {
        if (await BeginAsync(context, FaultScope.Status).ConfigureAwait(false) is null)
        {
            return;
        }

        if (!PlatformFormats.TryGetValue(platform, out var format))
        {
            await WriteErrorAsync(context, 404, new { detail = $"Unknown platform: {platform}" }).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, body(format), FaultScope.Status).ConfigureAwait(false);
    }

    private static string[] Words(string text) => text.Split([' ', '+', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Ratio(int width, int height)
    {
        var (a, b) = (width, height);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return $"{width / a}:{height / a}";
    }
}
