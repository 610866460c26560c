namespace ChatBot.Core.Catalog;

/// <summary>Section <c>Catalog</c>.</summary>
internal sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>The model catalog file; relative paths are tried from the app's folder, then the working directory.</summary>
    [Required]
    public string Path { get; set; } = "config/models.json";
}
