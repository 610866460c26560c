using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.AetherWave;

/// <summary>
/// AetherWave's inpaint mask marks the edit zone with transparency (document 000: "transparent areas = edit zone").
/// A mask with transparency goes as it is; a black-and-white one (the convention the bot's hints and Discord
/// invite: white = change) becomes a PNG that is transparent where it was light and opaque black elsewhere.
/// </summary>
internal static class AetherWaveMask
{
    private const long MaxPixels = 100_000_000;

    public static byte[] Prepare(byte[] mask)
    {
        RgbaImage image;
        try
        {
            image = ImageCodec.Decode(mask, MaxPixels);
        }
        catch (InvalidDataException e)
        {
            throw new ProviderException("invalid_mask", $"The mask could not be read ({e.Message}). Send a PNG: transparent, or white, where the picture should change.", retryable: false, e);
        }

        if (!image.IsOpaque())
        {
            return mask is [0x89, (byte)'P', (byte)'N', (byte)'G', ..] ? mask : ImageCodec.EncodePng(image);
        }

        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var light = ((pixels[i] * 299) + (pixels[i + 1] * 587) + (pixels[i + 2] * 114)) / 1000 >= 128;
            pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
            pixels[i + 3] = light ? (byte)0 : (byte)255;
        }

        return ImageCodec.EncodePng(image);
    }
}
