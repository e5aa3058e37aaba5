using System.Globalization;
using System.Text.Json;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Reporting;

namespace YouthJustice.Sdk.Reports;

/// <summary>
/// JSON to the published schema (<c>docs/report.schema.json</c>, version <see cref="Report.CurrentSchemaVersion"/>): numbers as
/// numbers (unrounded), ISO dates, ids, interval bounds and flags; every distinct figure once in <c>figures</c>, and
/// sections whose cells refer to figures by id. A withheld number is <c>null</c>, with its state beside it.
/// </summary>
public sealed class JsonReportRenderer : IReportRenderer
{
    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string FileExtension => ".json";

    /// <inheritdoc />
    public string MediaType => "application/json";

    /// <inheritdoc />
    public bool IsText => true;

    /// <inheritdoc />
    public void Render(Report report, Stream output, ReportRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schemaVersion", report.SchemaVersion);
            w.WriteString("title", report.Title);
            w.WriteString("dataset", report.Dataset);
            w.WriteString("asOf", Date(report.AsOf));
            w.WriteStartArray("areas");
            foreach (var a in report.Areas)
            {
                w.WriteStartObject();
                w.WriteString("code", a.Code);
                w.WriteString("name", a.Name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("periods");
            foreach (var p in report.Periods)
            {
                Period(w, p);
            }
            w.WriteEndArray();
            var d = report.Disclosure;
            w.WriteStartObject("disclosure");
            w.WriteBoolean("published", d.Published);
            w.WriteNumber("threshold", d.Threshold);
            w.WriteBoolean("suppressZeros", d.SuppressZeros);
            w.WriteBoolean("secondarySuppression", d.SecondarySuppression);
            if (d.RoundTo is { } r)
            {
                w.WriteNumber("roundTo", r);
            }
            else
            {
                w.WriteNull("roundTo");
            }
            w.WriteString("suppressedSymbol", d.SuppressedSymbol);
            w.WriteString("description", d.Describe());
            w.WriteEndObject();
            w.WriteStartArray("figures");
            foreach (var f in report.Figures())
            {
                Figure(w, f);
            }
            w.WriteEndArray();
            w.WriteStartArray("sections");
            foreach (var s in report.Sections)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("title", s.Title);
                w.WriteString("kind", ReportFormatting.Camel(s.Kind));
                NullableString(w, "owner", s.Owner);
                Strings(w, "notes", s.Notes);
                w.WriteStartArray("blocks");
                foreach (var b in s.Blocks)
                {
                    Block(w, b);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    private static string Date(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static void Period(Utf8JsonWriter w, ReportingPeriod p)
    {
        w.WriteStartObject();
        w.WriteString("label", p.ToString());
        w.WriteString("kind", ReportFormatting.Camel(p.Kind));
        w.WriteString("start", Date(p.Start));
        w.WriteString("end", Date(p.End));
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    private static void Comparison(Utf8JsonWriter w, FigureComparison c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteNumber("value", c.Value);
        Number(w, "difference", c.Difference);
        NullableString(w, "rag", ReportFormatting.RagName(c.Rag));
        NullableString(w, "source", c.Source);
        w.WriteEndObject();
    }

    private static void Figure(Utf8JsonWriter w, ReportFigure f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("label", f.Label);
        w.WriteStartObject("methodology");
        w.WriteString("id", f.Methodology.Id);
        w.WriteNumber("version", f.Methodology.Version);
        NullableString(w, "variant", f.Methodology.Variant);
        NullableString(w, "citation", f.Citation?.ToString());
        w.WriteEndObject();
        w.WriteString("areaCode", f.AreaCode);
        w.WritePropertyName("period");
        Period(w, f.Period);
        if (f.CohortPeriod is { } cohort)
        {
            w.WritePropertyName("cohortPeriod");
            Period(w, cohort);
        }
        else
        {
            w.WriteNull("cohortPeriod");
        }
        w.WriteStartObject("breakdown");
        w.WriteString("dimension", f.Breakdown.Dimension);
        w.WriteString("value", f.Breakdown.Value);
        w.WriteEndObject();
        Number(w, "numerator", f.Numerator);
        Number(w, "denominator", f.Denominator);
        w.WriteBoolean("hasDenominator", f.HasDenominator);
        w.WriteNumber("multiplier", f.Multiplier);
        Number(w, "value", f.Value);
        w.WriteString("unit", f.Unit);
        w.WriteNumber("decimals", f.Decimals);
        if (f.IntervalLevel is { } level)
        {
            w.WriteStartObject("interval");
            Number(w, "lower", f.IntervalLower);
            Number(w, "upper", f.IntervalUpper);
            w.WriteNumber("level", level);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("interval");
        }
        w.WriteString("direction", ReportFormatting.Camel(f.Direction));
        w.WriteBoolean("provisional", f.Provisional);
        w.WriteStartArray("comparisons");
        foreach (var c in f.Comparisons)
        {
            Comparison(w, c);
        }
        w.WriteEndArray();
        if (f.Target is { } t)
        {
            w.WritePropertyName("target");
            Comparison(w, t);
        }
        else
        {
            w.WriteNull("target");
        }
        NullableString(w, "note", f.Note);
        w.WriteStartObject("disclosure");
        w.WriteString("numerator", ReportFormatting.Camel(f.Disclosure.Numerator));
        w.WriteString("denominator", ReportFormatting.Camel(f.Disclosure.Denominator));
        w.WriteString("value", ReportFormatting.Camel(f.Disclosure.Value));
        w.WriteBoolean("rounded", f.Disclosure.Rounded);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Block(Utf8JsonWriter w, ReportBlock b)
    {
        w.WriteStartObject();
        w.WriteString("type", b switch
        {
            ReportTable => "table",
            ReportText => "text",
            SeriesChart => "seriesChart",
            FunnelChart => "funnelChart",
            RankedBarChart => "rankedBarChart",
            _ => "unknown",
        });
        w.WriteString("id", b.Id);
        w.WriteString("title", b.Title);
        Strings(w, "notes", b.Notes);
        switch (b)
        {
            case ReportTable table:
                w.WriteStartArray("columns");
                foreach (var c in table.Columns)
                {
                    w.WriteStartObject();
                    w.WriteString("id", c.Id);
                    w.WriteString("title", c.Title);
                    w.WriteString("priority", ReportFormatting.Camel(c.Priority));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("rows");
                foreach (var row in table.Rows)
                {
                    w.WriteStartArray();
                    foreach (var cell in row)
                    {
                        Cell(w, cell);
                    }
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                break;
            case ReportText text:
                Strings(w, "paragraphs", text.Paragraphs);
                break;
            case SeriesChart chart:
                w.WriteStartArray("series");
                foreach (var s in chart.Series)
                {
                    w.WriteStartObject();
                    w.WriteString("label", s.Label);
                    Strings(w, "points", s.Points.Select(p => p.Id));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
            case FunnelChart funnel:
                Items(w, "stages", funnel.Stages);
                break;
            case RankedBarChart bars:
                Items(w, "bars", bars.Bars);
                break;
        }
        w.WriteEndObject();
    }

    private static void Items(Utf8JsonWriter w, string name, IEnumerable<ChartItem> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStartObject();
            w.WriteString("label", i.Label);
            w.WriteString("figure", i.Figure.Id);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Cell(Utf8JsonWriter w, ReportCell cell)
    {
        w.WriteStartObject();
        switch (cell)
        {
            case TextCell t:
                w.WriteString("type", "text");
                w.WriteString("text", t.Text);
                break;
            case FigureCell f:
                w.WriteString("type", "figure");
                w.WriteString("figure", f.Figure.Id);
                w.WriteString("part", ReportFormatting.Camel(f.Part));
                break;
            case ChangeCell c:
                var change = c.Change;
                w.WriteString("type", "change");
                w.WriteString("previous", c.Previous.Id);
                w.WriteString("latest", c.Latest.Id);
                Number(w, "difference", change.Difference);
                w.WriteString("unit", ReportFormatting.Camel(change.Unit));
                if (change.Improved is { } better)
                {
                    w.WriteBoolean("improved", better);
                }
                else
                {
                    w.WriteNull("improved");
                }
                w.WriteString("state", ReportFormatting.Camel(change.State));
                break;
            case TrendCell t:
                w.WriteString("type", "trend");
                Strings(w, "points", t.Points.Select(p => p.Id));
                break;
            case RatingCell r:
                w.WriteString("type", "rating");
                w.WriteString("figure", r.Figure.Id);
                w.WriteString("comparator", r.Comparator);
                Number(w, "value", r.Comparison?.Value);
                NullableString(w, "rag", ReportFormatting.RagName(r.Comparison?.Rag));
                break;
        }
        w.WriteEndObject();
    }
}
