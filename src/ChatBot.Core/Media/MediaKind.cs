namespace ChatBot.Core.Media;

public enum MediaKind
{
    Unknown,
    Image,
    Video,
    Audio,
}
