using System.Net;
using System.Text.Json;

namespace ParkCycle.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class ReconciliationApiTests(ServerFactory factory)
{
    [Fact]
    public async Task Reconciliation_OfTheSeededPark_ServesTheContractFieldsWithTheDeclaredBalances()
    {
        using var admin = await factory.AdminAsync();

        var response = await admin.GetAsync("/api/parks/linxiang/reconciliation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        foreach (var field in new[] { "flows", "estimated", "unobservable", "global_test", "balances" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        var balances = root.GetProperty("balances").EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToList();
        Assert.Contains("wwtp-water", balances);
        // The WWTP's reclaimed-water flow f095 is blank in the seed; its water balance determines it (3,706,000 in − 3,150,000 out).
        var f095 = Assert.Single(root.GetProperty("estimated").EnumerateArray(), e => e.GetProperty("id").GetString() == "f095");
        Assert.Equal(556000, f095.GetProperty("estimate").GetDouble(), 1e-6);
        var flow = root.GetProperty("flows").EnumerateArray().First();
        foreach (var field in new[] { "id", "unit", "reported", "sigma_reported", "reconciled", "sigma_reconciled", "adjustment", "test", "flagged" })
        {
            Assert.True(flow.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Reconciliation_WithConfidenceOutOfRange_IsAValidationProblem()
    {
        using var admin = await factory.AdminAsync();

        var response = await admin.GetAsync("/api/parks/linxiang/reconciliation?confidence=1.5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
