using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>
/// Hostile values at the dataset boundary: a number beyond its physical range in every numeric column of every
/// table, ids outside the identifier grammar, over-long and control-character cells. Each with its exact error.
/// </summary>
internal static class BoundaryCases
{
    private const string Grammar = "an ASCII letter or digit, then ASCII letters, digits, '-', '_', '.' or ':', at most 100 characters";
    private const string MaxDecimal = "79228162514264337593543950335";

    public static readonly Dictionary<string, (Action<DatasetFolderBuilder> Break, string[] Errors)> All = new()
    {
        ["largest decimal as a flow quantity"] = (b => b.ReplaceLine("flows.csv", 2, $"f1,ext:import,e1,coal,{MaxDecimal},t,existing,"),
            [$"flows.csv:2: quantity: {MaxDecimal} is out of range for an annual quantity (0 to 10000000000 in its unit)"]),
        ["flow quantity just past the bound"] = (b => b.ReplaceLine("flows.csv", 2, "f1,ext:import,e1,coal,10000000001,t,existing,"),
            ["flows.csv:2: quantity: 10000000001 is out of range for an annual quantity (0 to 10000000000 in its unit)"]),
        ["temperature below absolute zero"] = (b => b.ReplaceLine("materials.csv", 2, "m-heat,余热,waste heat,waste-heat,GJ,-300,"),
            [
                "materials.csv:2: temperature_c: -300 is out of range for a temperature (-273.15 to 3000 °C)",
                "flows.csv:4: material: unknown material 'm-heat' (not in materials.csv nor the catalogue)",
            ]),
        ["output value beyond any enterprise"] = (b => b.ReplaceLine("enterprises.csv", 4, "e3,丙厂,,z1,agri-products,,,,planned,1e12,,,"),
            ["enterprises.csv:4: output_value_10k_cny: 1e12 is out of range for an amount (0 to 1000000000 10k CNY)"]),
        ["energy use beyond a country"] = (b => b.ReplaceLine("enterprises.csv", 4, "e3,丙厂,,z1,agri-products,,,,planned,,5e9,,"),
            ["enterprises.csv:4: energy_tce: 5e9 is out of range for an annual energy use (0 to 1000000000 tce)"]),
        ["latitude as the largest decimal"] = (b => b.ReplaceLine("enterprises.csv", 4, $"e3,丙厂,,z1,agri-products,,{MaxDecimal},113,planned,,,,"),
            [$"enterprises.csv:4: lat: {MaxDecimal} is out of range for a number (-1000000000000 to 1000000000000)"]),
        ["budget beyond any project"] = (b => b.ReplaceLine("projects.csv", 3, "p2,e2,cleaner-production,2023-03-01,2025-12-31,2e9,,in-progress,"),
            [
                "projects.csv:3: budget_10k_cny: 2e9 is out of range for an amount (0 to 1000000000 10k CNY)",
                "progress.csv:4: project: unknown project 'p2' (not in projects.csv)",
            ]),
        ["subsidy beyond any project"] = (b => b.ReplaceLine("projects.csv", 3, "p2,e2,cleaner-production,2023-03-01,2025-12-31,,2e9,in-progress,"),
            [
                "projects.csv:3: subsidy_10k_cny: 2e9 is out of range for an amount (0 to 1000000000 10k CNY)",
                "progress.csv:4: project: unknown project 'p2' (not in projects.csv)",
            ]),
        ["progress as the largest decimal"] = (b => b.ReplaceLine("progress.csv", 4, $"p2,2023-12-31,{MaxDecimal},"),
            [$"progress.csv:4: percent_complete: {MaxDecimal} is out of range for a number (0 to 1000000000000)"]),
        ["substitution ratio beyond the bound"] = (b => b.With("substitutions.csv", "id,source,target,ratio,min_temperature_c,max_distance_km,co2e_avoided_per_unit,reference\ns1,m-x,coal,5000,,,,\n"),
            ["substitutions.csv:2: ratio: 5000 is out of range for a ratio (0 to 1000)"]),
        ["substitution distance beyond the Earth"] = (b => b.With("substitutions.csv", "id,source,target,ratio,min_temperature_c,max_distance_km,co2e_avoided_per_unit,reference\ns1,m-x,coal,1,,30000,,\n"),
            ["substitutions.csv:2: max_distance_km: 30000 is out of range for a distance (0 to 20040 km)"]),
        ["substitution temperature beyond the bound"] = (b => b.With("substitutions.csv", "id,source,target,ratio,min_temperature_c,max_distance_km,co2e_avoided_per_unit,reference\ns1,m-x,coal,1,-500,,,\n"),
            ["substitutions.csv:2: min_temperature_c: -500 is out of range for a temperature (-273.15 to 3000 °C)"]),
        ["substitution CO2e beyond the bound"] = (b => b.With("substitutions.csv", "id,source,target,ratio,min_temperature_c,max_distance_km,co2e_avoided_per_unit,reference\ns1,m-x,coal,1,,,-1e6,\n"),
            ["substitutions.csv:2: co2e_avoided_per_unit: -1e6 is out of range for CO2e per unit (-10000 to 10000 t)"]),
        ["enterprise id with markup"] = (b => b.AppendLine("enterprises.csv", "<img src=x onerror=alert(1)>,丁厂,,z1,other,,,,operating,,,,"),
            [$"enterprises.csv:5: id: '<img src=x onerror=alert(1)>' is not an identifier: {Grammar}"]),
        ["zone id with a space"] = (b => b.AppendLine("zones.csv", "z 2,二区,"),
            [$"zones.csv:3: id: 'z 2' is not an identifier: {Grammar}"]),
        ["material id with a pipe"] = (b => b.AppendLine("materials.csv", "m|y,某物,,byproduct,t,,"),
            [$"materials.csv:4: id: 'm|y' is not an identifier: {Grammar}"]),
        ["flow id with a slash"] = (b => b.ReplaceLine("flows.csv", 2, "f/1,ext:import,e1,coal,100,t,existing,"),
            [$"flows.csv:2: id: 'f/1' is not an identifier: {Grammar}"]),
        ["project id too long"] = (b => b.AppendLine("projects.csv", $"{new string('p', 101)},e3,closure,2024-01-01,,,,planned,"),
            [$"projects.csv:4: id: '{new string('p', 101)}' is not an identifier: {Grammar}"]),
        ["park id with markup"] = (b => b.With("dataset.json", """{"id":"<b>mini</b>","name":"Mini park"}"""),
            [$"dataset.json: id: '<b>mini</b>' is not an identifier: {Grammar}"]),
        ["source note too long"] = (b => b.ReplaceLine("flows.csv", 2, $"f1,ext:import,e1,coal,100,t,existing,{new string('x', 2001)}"),
            ["flows.csv:2: source: 2001 characters is longer than the limit of 2000"]),
        ["name with a control character"] = (b => b.ReplaceLine("zones.csv", 2, "z1,一\u0007区,Zone 1"),
            ["zones.csv:2: name: holds the control character U+0007"]),
    };
}
