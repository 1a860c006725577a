namespace ParkCycle.HeatIntegration;

/// <summary>
/// One enterprise in total-site integration, all in kW: its own targets when it integrates alone, the most it can
/// put into the carrier without raising its hot utility (heat it now rejects to cold utility) and the most it can
/// draw without rejecting more (hot utility the carrier can replace), and what the site allocation gives it.
/// </summary>
public sealed record EnterpriseSiteTargets(
    string Enterprise,
    decimal HotUtilityKw,
    decimal ColdUtilityKw,
    decimal HeatRecoveryKw,
    decimal? PinchShiftedC,
    decimal ToCarrierMaxKw,
    decimal FromCarrierMaxKw,
    decimal ToCarrierKw,
    decimal FromCarrierKw);
