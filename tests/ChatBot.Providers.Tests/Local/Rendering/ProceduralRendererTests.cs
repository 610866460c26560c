using ChatBot.Providers.Local.Imaging;
using ChatBot.Providers.Local.Rendering;

namespace ChatBot.Providers.Tests.Local.Rendering;

/// <summary>The offline pictures follow the prompt a little: measured on the pixels, by region.</summary>
public sealed class ProceduralRendererTests
{
    private const int Size = 160;

    [Fact]
    public void Render_Dusk_VioletSkyOverAWarmHorizon()
    {
        var image = Render("a lighthouse at dusk");

        var top = Mean(image, 0.0, 0.08, 0, 1);
        var horizon = Mean(image, 0.4, 0.48, 0, 0.5);
        top.B.ShouldBeGreaterThan(top.G, "the sky at dusk is violet at the top");
        horizon.R.ShouldBeGreaterThan(horizon.B, "and warm towards the horizon");
    }

    [Fact]
    public void Render_Noon_BlueSkyBrighterThanAtNight()
    {
        var noon = Mean(Render("mountains at noon"), 0, 0.15, 0, 1);
        var night = Mean(Render("mountains at night"), 0, 0.15, 0, 1);

        noon.B.ShouldBeGreaterThan(noon.R);
        Luma(noon).ShouldBeGreaterThan(Luma(night) + 0.15);
    }

    [Fact]
    public void Render_Lighthouse_PaintsItsRedBandsOnlyWhenAsked()
    {
        static int RedPixels(RgbaImage image) => Enumerable.Range(0, image.Width * image.Height)
            .Count(i => image.Pixels[i * 4] > 140 && image.Pixels[(i * 4) + 1] < 80 && image.Pixels[(i * 4) + 2] < 80);

        RedPixels(Render("a lighthouse by the sea at noon")).ShouldBeGreaterThan(20);
        RedPixels(Render("the sea at noon")).ShouldBeLessThan(5);
    }

    [Fact]
    public void Render_Snow_GroundIsLight()
    {
        var ground = Mean(Render("snowy hills"), 0.85, 1, 0, 1);

        Luma(ground).ShouldBeGreaterThan(0.6);
    }

    private static RgbaImage Render(string prompt)
    {
        var renderer = ProceduralRenderer.Create(prompt, 7, Size, Size);
        for (var pass = 0; pass < ProceduralRenderer.PassCount; pass++)
        {
            renderer.RunPass(pass, CancellationToken.None);
        }

        return renderer.ToImage();
    }

    private static (double R, double G, double B) Mean(RgbaImage image, double top, double bottom, double left, double right)
    {
        double r = 0, g = 0, b = 0, n = 0;
        for (var y = (int)(top * image.Height); y < (int)(bottom * image.Height); y++)
        {
            for (var x = (int)(left * image.Width); x < (int)(right * image.Width); x++)
            {
                var i = ((y * image.Width) + x) * 4;
                (r, g, b, n) = (r + image.Pixels[i], g + image.Pixels[i + 1], b + image.Pixels[i + 2], n + 255);
            }
        }

        return (r / n, g / n, b / n);
    }

    private static double Luma((double R, double G, double B) c) => (0.2126 * c.R) + (0.7152 * c.G) + (0.0722 * c.B);
}
