namespace ParkCycle.Domain.Model;

/// <summary>Whether an enterprise is running, moving away (e.g. the riverside chemical plants), gone or yet to come.</summary>
public enum EnterpriseStatus
{
    Operating,
    Relocating,
    Closed,
    Planned,
}
