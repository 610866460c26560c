namespace ChatBot.Providers.Local.Imaging;

/// <summary>An 8-bit RGBA picture in memory, rows top to bottom, no padding.</summary>
internal sealed class RgbaImage
{
    public RgbaImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 4)])
    {
    }

    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height * 4)
        {
            throw new ArgumentException("The pixel buffer does not match the size.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public long PixelCount => (long)Width * Height;

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Width * 4, Width * 4);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsOpaque()
    {
        var pixels = Pixels;
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies the rectangle at (<paramref name="x"/>, <paramref name="y"/>) into a new image.</summary>
    public RgbaImage Crop(int x, int y, int width, int height)
    {
        if (x < 0 || y < 0 || x + width > Width || y + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The crop leaves the image.");
        }

        var result = new RgbaImage(width, height);
        for (var row = 0; row < height; row++)
        {
            Pixels.AsSpan(((y + row) * Width + x) * 4, width * 4).CopyTo(result.Row(row));
        }

        return result;
    }
}
