namespace ParkCycle.Forecasting;

/// <summary>The words an <see cref="OutlookStatus"/> is written with, in text as on the wire.</summary>
public static class OutlookStatusText
{
    /// <summary><c>on track</c>, <c>at risk</c> or <c>off track</c>.</summary>
    public static string Of(OutlookStatus status) => status switch
    {
        OutlookStatus.OnTrack => "on track",
        OutlookStatus.AtRisk => "at risk",
        _ => "off track",
    };
}
