namespace ParkCycle.Forecasting;

/// <summary>What is known about one unfinished project at one date: the model's input row.</summary>
public sealed class ProjectSnapshot
{
    public string ProjectId { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public float ElapsedMonths { get; set; }

    public float PlannedMonths { get; set; }

    public float OverPlan { get; set; }

    public float Percent { get; set; }

    /// <summary>Percentage points per month over the last three months of reports.</summary>
    public float RecentRate { get; set; }

    public float MonthsSinceIncrease { get; set; }

    public float SubsidyShare { get; set; }

    public float LogBudget { get; set; }

    public float AboveSize { get; set; }

    /// <summary>Training label: log(1 + months remaining until completion).</summary>
    public float Label { get; set; }

    /// <summary>Months remaining (the truth, when known), for evaluation.</summary>
    public float RemainingMonths { get; set; }
}
