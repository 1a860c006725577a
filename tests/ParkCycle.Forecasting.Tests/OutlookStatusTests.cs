using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParkCycle.Forecasting.Tests;

public sealed class OutlookStatusTests
{
    // The server and the CLI write enums through a kebab-case converter; the outlook keeps the words it always wrote.
    private static readonly JsonSerializerOptions Wire = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    [Theory]
    [InlineData(OutlookStatus.OnTrack, "on track")]
    [InlineData(OutlookStatus.AtRisk, "at risk")]
    [InlineData(OutlookStatus.OffTrack, "off track")]
    public void Status_IsWrittenWithTheSameWords_OnTheWireAndInText(OutlookStatus status, string words)
    {
        Assert.Equal($"\"{words}\"", JsonSerializer.Serialize(status, Wire));
        Assert.Equal(words, OutlookStatusText.Of(status));
        Assert.Equal(status, JsonSerializer.Deserialize<OutlookStatus>($"\"{words}\"", Wire));
    }

    [Fact]
    public void Population_IsKebabCaseOnTheWire() =>
        Assert.Equal("\"above-size\"", JsonSerializer.Serialize(TargetPopulation.AboveSize, Wire));
}
