namespace ChatBot.Providers.Http;

/// <summary>
/// A POST to a provider, described once and turned into a fresh <see cref="HttpRequestMessage"/> for each attempt
/// (a retried request cannot reuse a sent one). JSON bodies leave out null fields; multipart bodies send the text
/// fields first, then the files. Every provider posts through here.
/// </summary>
internal sealed class ProviderPost
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly IReadOnlyDictionary<string, object?>? _json;
    private readonly IReadOnlyList<ProviderFile> _files;
    private readonly IReadOnlyList<(string Name, string? Value)> _fields;

    private ProviderPost(string path, IReadOnlyDictionary<string, object?>? json, IReadOnlyList<ProviderFile> files, IReadOnlyList<(string Name, string? Value)> fields)
    {
        Path = path;
        _json = json;
        _files = files;
        _fields = fields;
    }

    /// <summary>The path relative to the provider's base URL.</summary>
    public string Path { get; }

    /// <summary>A JSON body; entries whose value is null are not sent.</summary>
    public static ProviderPost JsonBody(string path, IReadOnlyDictionary<string, object?> body) => new(path, body, [], []);

    /// <summary>A multipart form: text fields (null ones left out), then the files.</summary>
    public static ProviderPost Multipart(string path, IReadOnlyList<ProviderFile> files, params (string Name, string? Value)[] fields) => new(path, null, files, fields);

    public HttpRequestMessage ToRequest() => new(HttpMethod.Post, Path)
    {
        Content = _json is null ? MultipartContent() : JsonContent.Create(_json.Where(kv => kv.Value is not null).ToDictionary(), options: Json),
    };

    private MultipartFormDataContent MultipartContent()
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in _fields.Where(f => f.Value is not null))
        {
            content.Add(new StringContent(value!), name);
        }

        foreach (var file in _files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }

        return content;
    }
}
