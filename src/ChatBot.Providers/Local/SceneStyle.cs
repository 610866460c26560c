namespace ChatBot.Providers.Local;

/// <summary>The composition a procedural picture follows.</summary>
internal enum SceneStyle
{
    Landscape,
    Orbs,
    Waves,
}
