using System.Globalization;
using System.Net;
using System.Text;
using ParkCycle.Domain.Model;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary>The self-contained HTML chart of <c>forecast --out</c>: each target's curve with its 10–90% band and the target marker (inline SVG).</summary>
internal static class ForecastChart
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(ParkDataset park, ParkForecast forecast)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>ParkCycle 改造进度预测 retrofit forecast</title>");
        sb.Append("<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:24px}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px}</style></head><body>");
        sb.Append("<h1>").Append(WebUtility.HtmlEncode(park.Manifest.Name)).Append(" 改造与整治进度预测 Retrofit and clean-up forecast</h1>");
        sb.Append(Inv, $"<p>As of {forecast.AsOf:yyyy-MM-dd}. Project histories marked <code>syn-</code> are SYNTHETIC. Bands: 10–90% over {forecast.Simulations} simulations.</p>");
        foreach (var t in forecast.Targets)
        {
            sb.Append("<h2>").Append(WebUtility.HtmlEncode(t.Target.Name)).Append("</h2>");
            sb.Append(Inv, $"<p>By {t.Target.Due:yyyy-MM-dd}: expected {t.AtDue.Expected:P1} (10–90%: {t.AtDue.Low:P1}–{t.AtDue.High:P1}) of {t.Population} vs target {t.Target.Share:P0}: <b>{OutlookStatusText.Of(t.Status)}</b>.</p>");
            sb.Append(Curve(t));
        }

        sb.Append("<h2>Flagged projects (late or stalled)</h2><table><tr><th>project</th><th>enterprise</th><th>type</th><th>late</th><th>stalled</th><th>months since progress</th></tr>");
        foreach (var f in forecast.Flags)
        {
            sb.Append(Inv, $"<tr><td>{f.ProjectId}</td><td>{f.Enterprise}</td><td>{f.Type}</td><td>{(f.Late ? "yes" : string.Empty)}</td><td>{(f.Stalled ? "yes" : string.Empty)}</td><td>{f.MonthsSinceProgress}</td></tr>");
        }

        return sb.Append("</table></body></html>").ToString();
    }

    private static string Curve(TargetOutlook t)
    {
        const double w = 760, h = 260, left = 50, bottom = 30;
        var points = t.Curve.ToList();
        double X(int i) => left + ((w - left - 10) * i / Math.Max(1, points.Count - 1));
        double Y(double share) => (h - bottom) * (1 - share);
        var band = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            band.Append(Inv, $"{(i == 0 ? "M" : "L")}{X(i):0.#},{Y(points[i].High):0.#} ");
        }

        for (var i = points.Count - 1; i >= 0; i--)
        {
            band.Append(Inv, $"L{X(i):0.#},{Y(points[i].Low):0.#} ");
        }

        var line = string.Join(' ', points.Select((p, i) => string.Create(Inv, $"{(i == 0 ? "M" : "L")}{X(i):0.#},{Y(p.Expected):0.#}")));
        var due = points.FindIndex(p => p.Month >= t.Target.Due);
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg class=\"forecast\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" font-size=\"11\">");
        svg.Append(Inv, $"<path class=\"band\" d=\"{band}Z\" fill=\"#2e7d5b\" fill-opacity=\"0.2\"/><path class=\"expected\" d=\"{line}\" stroke=\"#2e7d5b\" stroke-width=\"2\" fill=\"none\"/>");
        svg.Append(Inv, $"<line class=\"target\" x1=\"{left}\" x2=\"{w - 10}\" y1=\"{Y((double)t.Target.Share):0.#}\" y2=\"{Y((double)t.Target.Share):0.#}\" stroke=\"#b3261e\" stroke-dasharray=\"5,4\"/>");
        if (due >= 0)
        {
            svg.Append(Inv, $"<line class=\"due\" x1=\"{X(due):0.#}\" x2=\"{X(due):0.#}\" y1=\"0\" y2=\"{h - bottom}\" stroke=\"#b3261e\"/><text x=\"{X(due) + 4:0.#}\" y=\"12\">target {t.Target.Share:P0} by {t.Target.Due:yyyy-MM}</text>");
        }

        for (var s = 0; s <= 4; s++)
        {
            svg.Append(Inv, $"<text x=\"4\" y=\"{Y(s / 4.0) + 4:0.#}\">{s * 25}%</text>");
        }

        for (var i = 0; i < points.Count; i += 6)
        {
            svg.Append(Inv, $"<text x=\"{X(i) - 18:0.#}\" y=\"{h - 8}\">{points[i].Month:yyyy-MM}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
