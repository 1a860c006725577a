using System.Globalization;
using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>The <c>heat_streams</c> table (docs/dataset-format.md).</summary>
internal sealed partial class DatasetParser
{
    /// <summary>
    /// The physical range of a stream temperature, in °C: above absolute zero (−273.15 °C, exclusive) and at most
    /// 2,000 °C, above the hottest industrial flue gases (glass and steel furnaces run at about 1,500–1,650 °C).
    /// </summary>
    internal const decimal MinTemperatureC = -273.15m;

    /// <inheritdoc cref="MinTemperatureC"/>
    internal const decimal MaxTemperatureC = 2000m;

    /// <summary>CP and duty given together must agree within this share (1 %).</summary>
    internal const decimal CpDutyTolerance = 0.01m;

    /// <summary>A year has at most 8,784 hours (a leap year).</summary>
    internal const decimal MaxHoursPerYear = 8784m;

    private List<HeatStream> ParseHeatStreams(Table? table, HashSet<string> enterpriseIds)
    {
        return Rows<HeatStream>(table, (cells, row) =>
        {
            var id = cells.Required(row, "id");
            var enterprise = cells.Required(row, "enterprise");
            var kind = cells.Code<HeatStreamKind>(row, "kind");
            var supply = RequiredTemperature(cells, row, "supply_temperature_c");
            var target = RequiredTemperature(cells, row, "target_temperature_c");
            var cp = cells.Decimal(row, "cp_kw_per_k");
            var duty = cells.Decimal(row, "duty_kw");
            var hours = cells.Decimal(row, "hours_per_year");
            var dt = cells.Decimal(row, "dt_contribution_c");

            if (id is not null)
            {
                cells.UniqueId(row, "id", id);
            }

            if (enterprise is not null && !enterpriseIds.Contains(enterprise))
            {
                cells.Error(row, "enterprise", $"unknown enterprise '{enterprise}' (not in enterprises.csv)");
            }

            if (kind is { } k && supply is { } ts && target is { } tt)
            {
                if (ts == tt)
                {
                    cells.Error(row, "target_temperature_c", $"target {F(tt)} °C equals the supply; give a phase change a small range (e.g. 1 °C)");
                }
                else if (k == HeatStreamKind.Hot && tt > ts)
                {
                    cells.Error(row, "target_temperature_c", $"a hot stream is cooled: its target {F(tt)} °C is above its supply {F(ts)} °C");
                }
                else if (k == HeatStreamKind.Cold && tt < ts)
                {
                    cells.Error(row, "target_temperature_c", $"a cold stream is heated: its target {F(tt)} °C is below its supply {F(ts)} °C");
                }
                else if (cp is { } c && duty is { } d && c > 0 && d > 0)
                {
                    var fromCp = c * Math.Abs(ts - tt);
                    if (Math.Abs(fromCp - d) > CpDutyTolerance * Math.Max(fromCp, d))
                    {
                        cells.Error(row, "duty_kw", $"duty {F(d)} kW disagrees with cp_kw_per_k × |supply − target| = {F(c)} × {F(Math.Abs(ts - tt))} = {F(fromCp)} kW by more than 1 %");
                    }
                }
            }

            if (cp is null && duty is null && cells.Text(row, "cp_kw_per_k") is null && cells.Text(row, "duty_kw") is null)
            {
                cells.Error(row, "cp_kw_per_k", "give cp_kw_per_k or duty_kw (or both, agreeing within 1 %)");
            }

            if (cp == 0)
            {
                cells.Error(row, "cp_kw_per_k", "must be greater than zero");
            }

            if (duty == 0)
            {
                cells.Error(row, "duty_kw", "must be greater than zero");
            }

            if (hours is { } h && (h == 0 || h > MaxHoursPerYear))
            {
                cells.Error(row, "hours_per_year", $"{F(h)} is not between 0 (exclusive) and {F(MaxHoursPerYear)}, the hours of a leap year");
            }

            if (dt is > 500)
            {
                cells.Error(row, "dt_contribution_c", $"{F(dt.Value)} °C is not a plausible ΔT contribution (at most 500 °C)");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new HeatStream(id!, enterprise!, kind!.Value, supply!.Value, target!.Value, cp, duty, hours, dt, cells.Text(row, "source"));
        });
    }

    private static decimal? RequiredTemperature(CellParser cells, TableRow row, string column)
    {
        var value = cells.Decimal(row, column, allowNegative: true);
        if (value is null)
        {
            if (cells.Text(row, column) is null)
            {
                cells.Error(row, column, "a value is required");
            }

            return null;
        }

        if (value <= MinTemperatureC || value > MaxTemperatureC)
        {
            cells.Error(row, column, $"{F(value.Value)} °C is outside the physical range (above −273.15 °C, at most 2000 °C)");
            return null;
        }

        return value;
    }

    private static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
