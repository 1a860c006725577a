namespace ParkCycle.Domain.Model;

/// <summary>Whether a flow runs today or is planned.</summary>
public enum FlowStatus
{
    /// <summary>Runs today (<c>existing</c>, the default when blank); the only flows analysed by default.</summary>
    Existing,
    /// <summary>Proposed, not running yet (<c>planned</c>); included only when asked.</summary>
    Planned,
}
