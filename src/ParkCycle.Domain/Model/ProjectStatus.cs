namespace ParkCycle.Domain.Model;

public enum ProjectStatus
{
    Planned,
    InProgress,
    Completed,
    Cancelled,
}
