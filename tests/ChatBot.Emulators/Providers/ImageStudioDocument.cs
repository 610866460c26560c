using System.Globalization;

namespace ChatBot.Emulators.Providers;

/// <summary>What document 001 allows in the fields it enumerates or bounds, read on its own: anything else is a 400.</summary>
public static class ImageStudioDocument
{
    /// <summary>Create: "Quality: draft, standard, premium".</summary>
    public static string? CreateError(RecordedRequest request) =>
        request.Field("quality") is { } quality && quality is not ("draft" or "standard" or "premium")
            ? "quality must be draft, standard or premium"
            : null;

    /// <summary>Control: every strength is 0.0-1.0, and composition_fidelity and change_strength are for style_transfer.</summary>
    public static string? ControlError(RecordedRequest request)
    {
        foreach (var field in new[] { "control_strength", "fidelity", "style_strength", "composition_fidelity", "change_strength" })
        {
            if (request.Field(field) is { } text && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1))
            {
                return $"{field} must be between 0.0 and 1.0";
            }
        }

        return request.Field("operation") != "style_transfer" && (request.Field("composition_fidelity") is not null || request.Field("change_strength") is not null)
            ? "composition_fidelity and change_strength are for style_transfer"
            : null;
    }

    /// <summary>Social: "crop_mode: smart, center, fit", "output_format: png or jpg".</summary>
    public static string? SocialError(RecordedRequest request) =>
        request.Field("crop_mode") is { } crop && crop is not ("smart" or "center" or "fit") ? "crop_mode must be smart, center or fit"
        : request.Field("output_format") is { } format && format is not ("png" or "jpg") ? "output_format must be png or jpg"
        : null;
}
