namespace ParkCycle.Domain.Model;

/// <summary>
/// The one rule a retrofit project's progress report must meet, wherever it comes from (a <c>progress.csv</c> row
/// or a report through the API): percent complete from 0 to 100, not before the project's start, not before its
/// previous report, and never falling without a note saying why.
/// </summary>
public static class ProgressRule
{
    /// <summary>Every way the report breaks the rule, as (field, reason); empty when it is acceptable.</summary>
    /// <param name="start">The project's start.</param>
    /// <param name="previous">The project's latest accepted report, if any.</param>
    public static IReadOnlyList<(string Field, string Reason)> Check(DateOnly start, ProgressReport? previous, DateOnly date, decimal percentComplete, string? note)
    {
        var problems = new List<(string, string)>();
        if (percentComplete < 0)
        {
            problems.Add(("percent_complete", $"{percentComplete} is negative; it must be zero or more"));
        }
        else if (percentComplete > 100)
        {
            problems.Add(("percent_complete", $"{percentComplete} is over 100"));
        }

        if (date < start)
        {
            problems.Add(("date", $"{date:yyyy-MM-dd} is before the project's start {start:yyyy-MM-dd}"));
        }

        if (previous is not null)
        {
            if (date < previous.Date)
            {
                problems.Add(("date", $"{date:yyyy-MM-dd} is earlier than the project's previous report ({previous.Date:yyyy-MM-dd}); list reports in date order"));
            }
            else if (percentComplete < previous.PercentComplete && string.IsNullOrWhiteSpace(note))
            {
                problems.Add(("percent_complete", $"progress fell from {previous.PercentComplete} to {percentComplete} without a note saying why"));
            }
        }

        return problems;
    }
}
