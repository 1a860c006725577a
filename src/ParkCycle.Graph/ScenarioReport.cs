namespace ParkCycle.Graph;

/// <summary>What a scenario changes: loops, KPIs, opportunities, and the flows it orphans.</summary>
public sealed record ScenarioReport(
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Added,
    int LoopsBefore,
    int LoopsAfter,
    IReadOnlyList<Loop> LoopsLost,
    IReadOnlyList<Loop> LoopsGained,
    int OpportunitiesBefore,
    int OpportunitiesAfter,
    decimal PlanCo2eBefore,
    decimal PlanCo2eAfter,
    IReadOnlyList<KpiChange> Kpis,
    IReadOnlyList<OrphanedFlow> OrphanedFlows);
