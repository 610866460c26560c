using System.Runtime.InteropServices;

namespace ChatBot.Providers.Local.Rendering;

/// <summary>A colour with sRGB channels in [0, 1].</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct Rgb(float R, float G, float B)
{
    public static Rgb Lerp(Rgb a, Rgb b, float t) =>
        new(a.R + (b.R - a.R) * t, a.G + (b.G - a.G) * t, a.B + (b.B - a.B) * t);

    public Rgb Scale(float factor) => new(R * factor, G * factor, B * factor);

    /// <summary>A colour from OKLCH (perceptual lightness, chroma, hue in degrees), clipped into sRGB.</summary>
    public static Rgb FromOklch(float lightness, float chroma, float hueDegrees)
    {
        var h = hueDegrees * MathF.PI / 180f;
        var a = chroma * MathF.Cos(h);
        var b = chroma * MathF.Sin(h);
        var l = Cube(lightness + 0.3963377774f * a + 0.2158037573f * b);
        var m = Cube(lightness - 0.1055613458f * a - 0.0638541728f * b);
        var s = Cube(lightness - 0.0894841775f * a - 1.2914855480f * b);
        return new Rgb(
            Gamma(4.0767416621f * l - 3.3077115913f * m + 0.2309699292f * s),
            Gamma(-1.2684380046f * l + 2.6097574011f * m - 0.3413193965f * s),
            Gamma(-0.0041960863f * l - 0.7034186147f * m + 1.7076147010f * s));
    }

    private static float Cube(float x) => x * x * x;

    private static float Gamma(float linear)
    {
        linear = Math.Clamp(linear, 0f, 1f);
        return linear <= 0.0031308f ? 12.92f * linear : 1.055f * MathF.Pow(linear, 1f / 2.4f) - 0.055f;
    }
}
