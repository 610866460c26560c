namespace ChatBot.Core.Model;

/// <summary>What an input file is for.</summary>
public enum MediaRole
{
    Image,
    Mask,
    Reference,
    LastFrame,
    Audio,
    Video,
}
