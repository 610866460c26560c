namespace ChatBot.Providers.Local.Rendering;

/// <summary>Landmarks a prompt's words put into the picture.</summary>
[Flags]
internal enum SceneFeatures
{
    None = 0,
    Lighthouse = 1,
    Trees = 2,
    Snow = 4,
}
