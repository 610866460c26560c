using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Benchmarks.Harness;

/// <summary>Prints the figures as a table and writes them to bench/results/latest.json.</summary>
internal static class ResultReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Table(IReadOnlyList<Measurement> measurements)
    {
        var rows = measurements.Select(m => new[]
        {
            m.Scenario, m.Metric, Format(m.Median), Format(m.Min), Format(m.Max), m.Unit, m.Samples.Count.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        string[] header = ["scenario", "figure", "median", "min", "max", "unit", "n"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        Line(text, header, widths);
        text.Append('|').AppendJoin('|', widths.Select((w, i) => i is >= 2 and <= 4 || i == 6 ? new string('-', w + 1) + ":" : new string('-', w + 2))).Append("|\n");
        foreach (var row in rows)
        {
            Line(text, row, widths);
        }

        return text.ToString();
    }

    public static async Task WriteAsync(
        string path, MachineInfo machine, bool quick, DateTimeOffset started, TimeSpan duration, IReadOnlyList<Measurement> measurements, IReadOnlyList<string> readmeRows, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var document = new
        {
            started,
            durationSeconds = Math.Round(duration.TotalSeconds, 1),
            mode = quick ? "quick" : "full",
            command = "dotnet run -c Release --project bench/ChatBot.Benchmarks -- " + string.Join(' ', measurements.Select(m => m.Scenario).Distinct()) + (quick ? " --quick" : ""),
            caveat = quick ? "quick run: smaller batches and shorter windows, a smoke test; the README's figures come from a full run on a quiet machine" : null,
            machine,
            readmeRows = readmeRows.Count == 0 ? null : (IReadOnlyList<string>)[TargetRows.Header, .. readmeRows],
            figures = measurements.Select(m => new
            {
                m.Scenario,
                m.Metric,
                m.Unit,
                median = Round(m.Median),
                min = Round(m.Min),
                max = Round(m.Max),
                samples = m.Samples.Select(Round),
                m.Note,
            }),
        };
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, Json, cancellationToken).ConfigureAwait(false);
    }

    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "–";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "∞";
        }

        var abs = Math.Abs(value);
        var format = abs >= 1000 ? "#,0" : abs >= 100 ? "0" : abs >= 10 ? "0.0" : abs >= 1 ? "0.00" : abs == 0 ? "0" : "0.000";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    private static double Round(double value) => double.IsNaN(value) ? value : Math.Round(value, Math.Abs(value) >= 100 ? 1 : 4);

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            var right = i is >= 2 and <= 4 || i == 6;
            text.Append(' ').Append(right ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i])).Append(" |");
        }

        text.Append('\n');
    }
}
