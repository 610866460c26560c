namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>A model catalog file (<c>Catalog:Path</c>) whose models all run on a test's scripted provider.</summary>
internal static class ScriptedCatalog
{
    /// <summary>Writes <c>models.json</c> into <paramref name="data"/> with the given model entries; returns its path.</summary>
    public static async Task<string> WriteAsync(TempDirectory data, string models)
    {
        var path = data.File("models.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "providers": [ { "name": "scripted", "displayName": "Scripted" } ],
              "models": [ {{models}} ]
            }
            """);
        return path;
    }
}
