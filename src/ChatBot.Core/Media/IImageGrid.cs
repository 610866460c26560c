namespace ChatBot.Core.Media;

/// <summary>
/// Lays several result images out as one picture with numbered tiles (2×2 for up to four, 3×2 for five or six), so a
/// member can tell which image U<i>n</i>/V<i>n</i> act on. Core states the need; an imaging library implements it
/// (SkiaSharp, in ChatBot.Providers).
/// </summary>
public interface IImageGrid
{
    /// <summary>
    /// The grid as PNG bytes, tiles numbered 1… in the order given; null when fewer than two of the images could be read
    /// (then the reply shows the images as they are).
    /// </summary>
    Task<byte[]?> ComposeAsync(IReadOnlyList<Func<CancellationToken, Task<Stream>>> images, CancellationToken cancellationToken);
}
