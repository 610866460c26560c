namespace ChatBot.Core.Model;

/// <summary>
/// How far Zoom Out or Pan extends a result's canvas on each side, as fractions of its width (left, right) and height
/// (up, down). The pixels follow from the stored result's size when the job is created.
/// </summary>
public sealed record OutpaintMargins(double Left, double Right, double Up, double Down);
