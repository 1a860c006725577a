using System.Text.Json.Nodes;

namespace ParkCycle.Server.Tests;

/// <summary>
/// A park dataset exported as JSON, made importable as a new park: enterprise and project ids belong to one park
/// (importing a park that reuses another park's enterprise id is refused), so the copy renames them.
/// </summary>
public static class DatasetCopy
{
    /// <summary>Sets the park id to <paramref name="parkId"/> and suffixes every enterprise and project id with it.</summary>
    public static JsonNode AsNewPark(JsonNode document, string parkId)
    {
        document["id"] = parkId;
        var enterprises = Rename(document["enterprises"], "id", parkId);
        var projects = Rename(document["projects"], "id", parkId);
        foreach (var flow in document["flows"]?.AsArray() ?? [])
        {
            Remap(flow!, "from", enterprises);
            Remap(flow!, "to", enterprises);
        }

        foreach (var project in document["projects"]?.AsArray() ?? [])
        {
            Remap(project!, "enterprise", enterprises);
        }

        foreach (var stream in document["heat_streams"]?.AsArray() ?? [])
        {
            Remap(stream!, "enterprise", enterprises);
        }

        foreach (var balance in document["balances"]?.AsArray() ?? [])
        {
            Remap(balance!, "enterprise", enterprises);
        }

        foreach (var report in document["progress"]?.AsArray() ?? [])
        {
            Remap(report!, "project", projects);
        }

        return document;
    }

    private static Dictionary<string, string> Rename(JsonNode? rows, string field, string parkId)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows?.AsArray() ?? [])
        {
            var id = row![field]!.GetValue<string>();
            map[id] = $"{id}.{parkId}";
            row[field] = map[id];
        }

        return map;
    }

    private static void Remap(JsonNode row, string field, Dictionary<string, string> map)
    {
        if (row[field]?.GetValue<string>() is { } id && map.TryGetValue(id, out var renamed))
        {
            row[field] = renamed;
        }
    }
}
