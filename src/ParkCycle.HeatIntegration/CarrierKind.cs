namespace ParkCycle.HeatIntegration;

/// <summary>The intermediate utility that carries heat between enterprises.</summary>
public enum CarrierKind
{
    /// <summary>A pressurised hot-water loop: sensible heat between a supply and a return temperature.</summary>
    HotWaterLoop,

    /// <summary>A steam main: latent heat at one saturation temperature (supply = return).</summary>
    SteamMain,
}
