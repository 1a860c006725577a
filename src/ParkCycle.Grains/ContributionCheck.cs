using System.Globalization;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>
/// The park's second line of defence: an enterprise's contribution is checked against the same physical ranges
/// as the dataset and report boundaries before it enters the snapshot. A contribution that fails (a value stored
/// before the checks existed, or written to storage behind the API's back) is quarantined by the park, never
/// analysed, so one enterprise's bad state can never make the analysis or a start-up fail.
/// </summary>
public static class ContributionCheck
{
    /// <summary>
    /// Every reason <paramref name="c"/> cannot enter the snapshot; empty when it can. Parts that are the very objects
    /// of <paramref name="admitted"/> (the same enterprise's last admitted contribution) passed these checks then and
    /// are not checked again: an enterprise re-sends all its open reports with each one, and the messages are
    /// immutable, so a report costs one check, not one per open report.
    /// </summary>
    public static IReadOnlyList<string> Problems(EnterpriseContribution c, MaterialCatalog catalog, EnterpriseContribution? admitted = null)
    {
        var problems = new List<string>();
        if (admitted is null || !ReferenceEquals(admitted.Profile, c.Profile) || !ReferenceEquals(admitted.Flows, c.Flows))
        {
            CheckProfileAndFlows(problems, c);
        }

        CheckPositions(problems, c.Offers, admitted?.Offers, catalog);
        CheckPositions(problems, c.Needs, admitted?.Needs, catalog);
        return problems;
    }

    private static void CheckProfileAndFlows(List<string> problems, EnterpriseContribution c)
    {
        var p = c.Profile;
        Range(problems, "profile latitude", p.Latitude, PhysicalRanges.Latitude);
        Range(problems, "profile longitude", p.Longitude, PhysicalRanges.Longitude);
        Range(problems, "profile output_value_10k_cny", p.OutputValue10kCny, PhysicalRanges.Money10kCny);
        Range(problems, "profile energy_tce", p.EnergyTce, PhysicalRanges.EnergyTce);
        if (!Identifier.IsValid(p.Zone))
        {
            problems.Add($"profile zone '{Shorten(p.Zone)}' is not an identifier");
        }

        // A code this version does not know (stored by another version, or written straight into the store) is
        // reported here, never silently read as Other or Operating.
        Unknown(problems, "profile", p.UnknownCodes, field => field switch
        {
            "chains" => Codes<Chain>.All,
            "new_energy_type" => Codes<NewEnergyType>.All,
            _ => Codes<EnterpriseStatus>.All,
        });

        foreach (var f in c.Flows)
        {
            if (!Unit.TryParse(f.Unit, out _))
            {
                problems.Add($"flow {Shorten(f.Id)}: unknown unit '{Shorten(f.Unit)}'");
            }

            Range(problems, $"flow {Shorten(f.Id)} quantity", f.Quantity, PhysicalRanges.AnnualQuantity);
            Unknown(problems, $"flow {Shorten(f.Id)}", f.UnknownCodes, field => field == "role" ? Codes<FlowRole>.All : Codes<FlowStatus>.All);
        }

    }

    private static void CheckPositions(List<string> problems, IReadOnlyList<OpenPosition> positions, IReadOnlyList<OpenPosition>? admitted, MaterialCatalog catalog)
    {
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i];
            // Positions keep their order (the order reports were first made): the same object at the same index was checked.
            if (admitted is not null && i < admitted.Count && ReferenceEquals(admitted[i], position))
            {
                continue;
            }

            var where = $"report {Shorten(position.ReportId)}";
            if (catalog.Find(position.MaterialId) is null)
            {
                problems.Add($"{where}: unknown material '{Shorten(position.MaterialId)}'");
            }

            Range(problems, $"{where} annual quantity", position.AnnualQuantity, PhysicalRanges.AnnualQuantity);
            Range(problems, $"{where} latitude", position.Latitude, PhysicalRanges.Latitude);
            Range(problems, $"{where} longitude", position.Longitude, PhysicalRanges.Longitude);
        }
    }

    private static void Unknown(List<string> problems, string what, IReadOnlyList<UnknownCode> unknown, Func<string, IReadOnlyList<string>> known)
    {
        foreach (var u in unknown)
        {
            problems.Add($"{what} {u.Field}: unknown code '{Shorten(u.Code)}' (known: {string.Join(", ", known(u.Field))})");
        }
    }

    private static void Range(List<string> problems, string what, decimal? value, NumericRange range)
    {
        if (value is { } v && !range.Contains(v))
        {
            problems.Add($"{what}: {range.Refusal(v.ToString(CultureInfo.InvariantCulture))}");
        }
    }

    // Reasons are shown to administrators and logged: never echo an unbounded stored string.
    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
