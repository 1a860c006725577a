namespace ParkCycle.HeatIntegration;

/// <summary>How a proposed heat exchange sits against the park's pinch.</summary>
public enum PinchCrossing
{
    /// <summary>Source and sink are on the same side of the pinch: the exchange can count towards the target.</summary>
    DoesNotCross,

    /// <summary>Heat from above the pinch used below it: both utilities rise by the amount moved across.</summary>
    CrossesPinch,

    /// <summary>The source is not ΔTmin hotter than the sink: the exchange cannot run as stated.</summary>
    BelowApproach,

    /// <summary>A threshold problem (one utility only): there is no pinch to cross.</summary>
    NoPinch,

    /// <summary>The source is above the pinch but the sink's temperature is unknown.</summary>
    Unknown,
}
