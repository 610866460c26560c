namespace ChatBot.Providers.ImageStudio;

/// <summary>A template ALwrity Image Studio offers (<c>--template id</c> on /imagine).</summary>
internal sealed record ImageStudioTemplate(string Id, string Name, string? Platform, string? Category, string? Ratio, int? Width, int? Height);
