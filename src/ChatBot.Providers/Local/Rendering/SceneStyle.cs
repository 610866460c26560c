namespace ChatBot.Providers.Local.Rendering;

/// <summary>The composition a procedural picture follows.</summary>
internal enum SceneStyle
{
    Landscape,
    Orbs,
    Waves,

    /// <summary>A skyline on the horizon (city, town, street words).</summary>
    City,
}
