namespace ParkCycle.Domain.Model;

/// <summary>Whether a flow runs today or is planned.</summary>
public enum FlowStatus
{
    Existing,
    Planned,
}
