using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.Emulators.Providers;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>The region editor page's calls, as its script makes them, against a host's loopback address.</summary>
internal sealed partial class RegionEditorClient(Uri address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = address };

    /// <summary>The token of the first region-editor link in <paramref name="text"/>, or null.</summary>
    public static string? TokenIn(string? text) => text is not null && LinkPattern().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    public async Task<(HttpStatusCode Status, JsonObject Body)> InfoAsync(string token)
    {
        using var response = await _http.GetAsync("/region/info?t=" + Uri.EscapeDataString(token));
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public async Task<string> PageAsync(string token) => await _http.GetStringAsync("/region?t=" + Uri.EscapeDataString(token));

    /// <summary>Submits the mask the page would paint: the left half of the picture (of the size info gives).</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> SubmitAsync(string token, string prompt, int width, int height)
    {
        var mask = "data:image/png;base64," + Convert.ToBase64String(TestMedia.MaskPng(width, height));
        using var response = await _http.PostAsJsonAsync("/region/submit", new { token, prompt, mask });
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    /// <summary>Reads the picture's size from info, then submits a mask of that size.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> PaintAndSubmitAsync(string token, string prompt)
    {
        var (status, info) = await InfoAsync(token);
        status.ShouldBe(HttpStatusCode.OK, info.ToJsonString());
        return await SubmitAsync(token, prompt, info["width"]!.GetValue<int>(), info["height"]!.GetValue<int>());
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"/region\?t=([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}
