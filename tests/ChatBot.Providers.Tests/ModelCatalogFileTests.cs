
namespace ChatBot.Providers.Tests;

/// <summary>config/models.json against the registered providers: every remote model reaches an adapter that does its operations.</summary>
public sealed class ModelCatalogFileTests
{
    private static readonly Dictionary<string, MediaOperation[]> Served = new(StringComparer.Ordinal)
    {
        [ProviderNames.AetherWave] =
        [
            MediaOperation.Imagine, MediaOperation.Vary, MediaOperation.Edit, MediaOperation.Inpaint, MediaOperation.Reframe, MediaOperation.Upscale,
            MediaOperation.RemoveBackground, MediaOperation.Enhance, MediaOperation.AlbumArt, MediaOperation.Video, MediaOperation.LipSync,
            MediaOperation.Storyboard, MediaOperation.VideoRemoveBackground, MediaOperation.VideoUpscale,
        ],
        [ProviderNames.ImageStudio] =
        [
            MediaOperation.Imagine, MediaOperation.Edit, MediaOperation.Inpaint, MediaOperation.Reframe, MediaOperation.RemoveBackground,
            MediaOperation.Upscale, MediaOperation.Control, MediaOperation.Social, MediaOperation.SearchReplace, MediaOperation.Recolor,
        ],
        [ProviderNames.Blackwave] = [MediaOperation.Imagine, MediaOperation.Vary, MediaOperation.Edit, MediaOperation.Inpaint],
        [ProviderNames.AetherForge] = [MediaOperation.Imagine, MediaOperation.Vary, MediaOperation.Edit],
    };

    [Fact]
    public void Load_RemoteModels_NameRegisteredProvidersAndOperationsTheirAdaptersDo()
    {
        var catalog = ModelCatalog.Load(CatalogPath());

        foreach (var model in catalog.Models.Where(m => m.Provider != "local"))
        {
            Served.ShouldContainKey(model.Provider, $"model {model.Id}");
            foreach (var operation in model.Operations)
            {
                Served[model.Provider].ShouldContain(operation, $"model {model.Id}");
            }
        }

        foreach (var name in Served.Keys)
        {
            catalog.FindProvider(name).ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData("grok-imagine-t2i")]
    [InlineData("seedream-v4-edit")]
    [InlineData("ideogram-v3-edit")]
    [InlineData("kling-2.6-t2v")]
    [InlineData("sora-2-pro-storyboard")]
    [InlineData("veo3.1-quality")]
    [InlineData("imagestudio-auto")]
    [InlineData("FLUX-Devfp32")]
    [InlineData("AniFlux-v4.1")]
    [InlineData("aetherforge-grok-imagine-pro")]
    public void Find_ModelNamedInADocument_IsListed(string id) => ModelCatalog.Load(CatalogPath()).Find(id).ShouldNotBeNull();

    [Fact]
    public void Load_AetherForgeModels_CarryTheDocumentsReferenceLimits()
    {
        var catalog = ModelCatalog.Load(CatalogPath());

        catalog.Find("aetherforge-grok-imagine")!.Limits.MaxInputImages.ShouldBe(5);
        catalog.Find("aetherforge-grok-imagine-pro")!.Limits.MaxInputImages.ShouldBe(1);
        catalog.Find("aetherforge-nano-banana-pro")!.Limits.MaxInputImages.ShouldBe(10);
        catalog.Find("aetherforge-grok-imagine")!.WireModel.ShouldBe("Grok Imagine");
    }

    internal static string CatalogPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "config", "models.json");
    }
}
