using SkiaSharp;

namespace ChatBot.Providers.Local.Imaging;

/// <summary>
/// Resizes an <see cref="RgbaImage"/> with SkiaSharp: bicubic (Catmull-Rom) when growing, mipmapped linear
/// filtering (an area average) when shrinking. Works on premultiplied pixels, so a transparent neighbour never
/// bleeds its colour into an edge. The output can be drawn in row bands, so long work can report progress.
/// </summary>
internal sealed class ImageScaler : IDisposable
{
    private readonly SKImage _source;
    private readonly SKBitmap _target;
    private readonly SKCanvas _canvas;
    private readonly SKSamplingOptions _sampling;
    private readonly SKRect _bounds;

    public ImageScaler(RgbaImage source, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _source = Premultiplied(source);
        _target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _target.Erase(SKColors.Transparent);
        _canvas = new SKCanvas(_target);
        _sampling = width >= source.Width && height >= source.Height
            ? new SKSamplingOptions(SKCubicResampler.CatmullRom)
            : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        _bounds = SKRect.Create(width, height);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The picture at the new size in one go; the same size gives a copy of the pixels.</summary>
    public static RgbaImage Resize(RgbaImage source, int width, int height, CancellationToken cancellationToken = default)
    {
        if (width == source.Width && height == source.Height)
        {
            return new RgbaImage(width, height, (byte[])source.Pixels.Clone());
        }

        using var scaler = new ImageScaler(source, width, height);
        scaler.ProcessRows(0, height, cancellationToken);
        return scaler.ToImage();
    }

    /// <summary>Draws output rows [<paramref name="fromRow"/>, <paramref name="toRow"/>).</summary>
    public void ProcessRows(int fromRow, int toRow, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
        _canvas.Save();
        _canvas.ClipRect(new SKRect(0, fromRow, Width, toRow));
        _canvas.DrawImage(_source, SKRect.Create(_source.Width, _source.Height), _bounds, _sampling, paint);
        _canvas.Restore();
    }

    /// <summary>The drawn pixels, back to unpremultiplied RGBA.</summary>
    public RgbaImage ToImage()
    {
        _canvas.Flush();
        var image = new RgbaImage(Width, Height);
        var pin = GCHandle.Alloc(image.Pixels, GCHandleType.Pinned);
        try
        {
            var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            using var source = _target.PeekPixels();
            if (!source.ReadPixels(info, pin.AddrOfPinnedObject(), Width * 4, 0, 0))
            {
                throw new InvalidOperationException("SkiaSharp could not read the resized picture back.");
            }
        }
        finally
        {
            pin.Free();
        }

        return image;
    }

    public void Dispose()
    {
        _canvas.Dispose();
        _target.Dispose();
        _source.Dispose();
    }

    private static SKImage Premultiplied(RgbaImage source)
    {
        var unpremul = new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pin = GCHandle.Alloc(source.Pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(unpremul, pin.AddrOfPinnedObject(), source.Width * 4);
            var premul = new SKBitmap(unpremul.WithAlphaType(SKAlphaType.Premul));
            try
            {
                using var target = premul.PeekPixels();
                if (!pixmap.ReadPixels(target))
                {
                    throw new InvalidOperationException("SkiaSharp could not premultiply the picture.");
                }

                // A mutable bitmap is copied into the image, so the bitmap can go at once.
                return SKImage.FromBitmap(premul);
            }
            finally
            {
                premul.Dispose();
            }
        }
        finally
        {
            pin.Free();
        }
    }
}
