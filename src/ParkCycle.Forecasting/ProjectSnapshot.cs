namespace ParkCycle.Forecasting;

/// <summary>What is known about one unfinished project at one date: the model's input row.</summary>
public sealed class ProjectSnapshot
{
    /// <summary>The retrofit project's id, the key of its forecast.</summary>
    public string ProjectId { get; set; } = string.Empty;

    /// <summary>The project type's code (kebab-case), one-hot encoded by the model.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Months since the project's start.</summary>
    public float ElapsedMonths { get; set; }

    /// <summary>Months from start to the planned end; 0 when no end is planned.</summary>
    public float PlannedMonths { get; set; }

    /// <summary>Elapsed over planned months (above 1 means late); 0 when no end is planned.</summary>
    public float OverPlan { get; set; }

    /// <summary>Latest reported percent complete (0–100) on or before the snapshot's date; 0 before the first report.</summary>
    public float Percent { get; set; }

    /// <summary>Percentage points per month over the last three months of reports.</summary>
    public float RecentRate { get; set; }

    /// <summary>Months since the reported percent last rose (since the start when it never has).</summary>
    public float MonthsSinceIncrease { get; set; }

    /// <summary>Subsidy over budget (both in 10k CNY); 0 when the budget is unknown or zero.</summary>
    public float SubsidyShare { get; set; }

    /// <summary>ln(1 + budget in 10k CNY); 0 when the budget is unknown.</summary>
    public float LogBudget { get; set; }

    /// <summary>1 when the enterprise is above designated size (规上), else 0 (including unknown).</summary>
    public float AboveSize { get; set; }

    /// <summary>Training label: log(1 + months remaining until completion).</summary>
    public float Label { get; set; }

    /// <summary>Months remaining (the truth, when known), for evaluation.</summary>
    public float RemainingMonths { get; set; }
}
