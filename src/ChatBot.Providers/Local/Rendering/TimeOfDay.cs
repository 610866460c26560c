namespace ChatBot.Providers.Local.Rendering;

/// <summary>The light a prompt asks for: it sets the sky's colours and where the sun or moon stands.</summary>
internal enum TimeOfDay
{
    Unset,
    Dawn,
    Noon,
    Dusk,
    Night,
}
