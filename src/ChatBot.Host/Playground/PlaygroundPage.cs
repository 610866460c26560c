namespace ChatBot.Host.Playground;

/// <summary>Serves the single page (HTML, script, style) from resources embedded in the assembly: nothing to deploy beside the binary.</summary>
internal static class PlaygroundPage
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "playground/index.html", "text/html; charset=utf-8"),
        ("/playground.js", "playground/playground.js", "text/javascript; charset=utf-8"),
        ("/session.js", "playground/session.js", "text/javascript; charset=utf-8"),
        ("/playground.css", "playground/playground.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "playground/favicon.svg", "image/svg+xml"),
    ];

    public static void Map(IEndpointRouteBuilder endpoints) => MapFiles(endpoints, Files);

    /// <summary>Serves each embedded resource at its path, uncached between deployments (the region editor's files too).</summary>
    internal static void MapFiles(IEndpointRouteBuilder endpoints, IEnumerable<(string Path, string Resource, string ContentType)> files)
    {
        foreach (var (path, resource, contentType) in files)
        {
            var bytes = Read(resource);
            endpoints.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(bytes, contentType);
            });
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page resource '{resource}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
