namespace ParkCycle.Domain.Model;

/// <summary>Where a retrofit project stands (projects.csv <c>status</c>).</summary>
public enum ProjectStatus
{
    /// <summary>Not started yet (<c>planned</c>).</summary>
    Planned,
    /// <summary>Started, not finished (<c>in-progress</c>).</summary>
    InProgress,
    /// <summary>Finished (<c>completed</c>), on <see cref="RetrofitProject.CompletedOn"/> when recorded.</summary>
    Completed,
    /// <summary>Abandoned (<c>cancelled</c>); never forecast nor counted towards a target.</summary>
    Cancelled,
}
