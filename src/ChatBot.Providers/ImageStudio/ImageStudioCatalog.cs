namespace ChatBot.Providers.ImageStudio;

/// <summary>
/// Image Studio's read-only endpoints (document 001): templates (by platform/category, search, recommend), social
/// platform formats and platform specs, the providers behind it and the edit and control operations lists.
/// </summary>
internal sealed class ImageStudioCatalog(ProviderHttp http)
{
    private const string Root = ImageStudioRequests.Root;

    /// <summary>
    /// <c>GET /templates?platform=&amp;category=</c>, <c>/templates/search?query=</c> or <c>/templates/recommend?use_case=&amp;platform=</c>,
    /// whichever the query asks for (a use case wins over search words, search words over filters).
    /// </summary>
    public async Task<IReadOnlyList<ImageStudioTemplate>> TemplatesAsync(TemplateQuery query, CancellationToken cancellationToken)
    {
        string path;
        (string Name, string? Value)[] parameters;
        if (query.UseCase is { } useCase)
        {
            (path, parameters) = ("templates/recommend", [("use_case", useCase), ("platform", query.Platform)]);
        }
        else if (query.Search is { } search)
        {
            (path, parameters) = ("templates/search", [("query", search)]);
        }
        else
        {
            (path, parameters) = ("templates", [("platform", query.Platform), ("category", query.Category)]);
        }

        var list = await GetAsync<ImageStudioWire.TemplateList>(path + Query(parameters), cancellationToken).ConfigureAwait(false);
        return [.. (list?.Templates ?? []).Select(t => new ImageStudioTemplate(t.Id, t.Name ?? t.Id, t.Platform, t.Category, t.AspectRatio?.Ratio, t.AspectRatio?.Width, t.AspectRatio?.Height))];
    }

    /// <summary><c>GET /social/platforms/{platform}/formats</c> and <c>GET /platform-specs/{platform}</c>; null when neither knows the platform.</summary>
    public async Task<PlatformFormats?> PlatformAsync(string platform, CancellationToken cancellationToken)
    {
        var key = Uri.EscapeDataString(platform.Trim().ToLowerInvariant());
        var formats = await GetAsync<ImageStudioWire.FormatList>($"social/platforms/{key}/formats", cancellationToken).ConfigureAwait(false);
        var specs = await GetAsync<ImageStudioWire.PlatformSpecs>($"platform-specs/{key}", cancellationToken).ConfigureAwait(false);
        var names = (formats?.Formats ?? []).Where(f => f.Name is { Length: > 0 }).Select(Format).ToList();
        if (names.Count == 0 && specs is null)
        {
            return null;
        }

        var rules = specs is null ? null : string.Join(" ", new[]
        {
            specs.FileTypes is { Count: > 0 } types ? string.Join(", ", types) : null,
            specs.MaxFileSize is { Length: > 0 } max ? $"up to {max}" : null,
        }.Where(p => p is not null));
        return new PlatformFormats(specs?.Name ?? platform, names, string.IsNullOrEmpty(rules) ? null : rules);

        static string Format(ImageStudioWire.Format f) => (f.Width, f.Height, f.Ratio) switch
        {
            ({ } w, { } h, _) => $"{f.Name} {w}×{h}",
            (_, _, { Length: > 0 } r) => $"{f.Name} ({r})",
            _ => f.Name!,
        };
    }

    /// <summary><c>GET /providers</c>, <c>/edit/operations</c> and <c>/control/operations</c> as lines for /models.</summary>
    public async Task<IReadOnlyList<string>> CapabilitiesAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var providers = await GetAsync<ImageStudioWire.ProviderList>("providers", cancellationToken).ConfigureAwait(false);
        var behind = (providers?.Providers ?? new Dictionary<string, ImageStudioWire.ProviderEntry>(StringComparer.Ordinal))
            .Select(p => $"{p.Value.Name ?? p.Key} ({string.Join(", ", p.Value.Capabilities ?? [])}{(p.Value.Models is { Count: > 0 } m ? $"; models {string.Join(", ", m)}" : "")})")
            .ToList();
        if (behind.Count > 0)
        {
            lines.Add("Runs on: " + string.Join(" · ", behind));
        }

        foreach (var (kind, label) in new[] { ("edit", "Edit operations"), ("control", "Control operations") })
        {
            var ops = await GetAsync<ImageStudioWire.OperationList>($"{kind}/operations", cancellationToken).ConfigureAwait(false);
            if (ops?.Operations is { Count: > 0 } found)
            {
                lines.Add($"{label}: " + string.Join(", ", found.Select(o => o.Value.Label is { Length: > 0 } l && l != o.Key ? $"{l} (`{o.Key}`)" : $"`{o.Key}`")));
            }
        }

        return lines;
    }

    /// <summary>A GET that answers null on 404 (an unknown platform) and throws the provider's refusal otherwise.</summary>
    private async Task<T?> GetAsync<T>(string relative, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(Root + relative, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await http.EnsureSuccessAsync(response, ImageStudioErrors.ToException, cancellationToken).ConfigureAwait(false);
        return await http.ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private static string Query(IEnumerable<(string Name, string? Value)> parameters)
    {
        var given = parameters.Where(p => p.Value is { Length: > 0 }).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }
}
