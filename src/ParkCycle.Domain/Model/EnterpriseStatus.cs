namespace ParkCycle.Domain.Model;

/// <summary>Whether an enterprise is running, moving away (e.g. the riverside chemical plants), gone or yet to come.</summary>
public enum EnterpriseStatus
{
    /// <summary>Running in the park (<c>operating</c>).</summary>
    Operating,
    /// <summary>Moving out but still running until it goes (<c>relocating</c>); still active.</summary>
    Relocating,
    /// <summary>Shut down or gone (<c>closed</c>).</summary>
    Closed,
    /// <summary>Not yet built or running (<c>planned</c>).</summary>
    Planned,
}
