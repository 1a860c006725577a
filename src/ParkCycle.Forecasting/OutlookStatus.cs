using System.Text.Json.Serialization;

namespace ParkCycle.Forecasting;

/// <summary>Where a plan target stands at its due date, from the forecast's expected share and its 10–90 % band.</summary>
/// <remarks>The wire names are the words the forecast has always written (with a space), kept for its readers.</remarks>
public enum OutlookStatus
{
    /// <summary>Even the band's low end reaches the target (<c>on track</c>).</summary>
    [JsonStringEnumMemberName("on track")]
    OnTrack,

    /// <summary>The expected share reaches the target, the band's low end does not (<c>at risk</c>).</summary>
    [JsonStringEnumMemberName("at risk")]
    AtRisk,

    /// <summary>The expected share falls short of the target (<c>off track</c>).</summary>
    [JsonStringEnumMemberName("off track")]
    OffTrack,
}
