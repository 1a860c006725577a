namespace ParkCycle.Domain.Model;

/// <summary>The kinds of retrofit and clean-up project the plan tracks.</summary>
public enum ProjectType
{
    CleanerProductionAudit,
    CleanerProduction,
    CircularTransformation,
    EnergySaving,
    Relocation,
    Closure,
    SiteRemediation,
}
