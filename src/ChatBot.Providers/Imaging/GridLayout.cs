namespace ChatBot.Providers.Imaging;

/// <summary>Columns and rows of the result grid: 2×1 for two, 2×2 for three or four, 3×2 for five or six.</summary>
internal sealed record GridLayout(int Columns, int Rows)
{
    public const int MaxTiles = 6;

    public static GridLayout For(int tiles) => tiles switch
    {
        <= 2 => new GridLayout(2, 1),
        <= 4 => new GridLayout(2, 2),
        _ => new GridLayout(3, 2),
    };
}
