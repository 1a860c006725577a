namespace ParkCycle.Domain.Model;

/// <summary>Reads a flow's <see cref="FlowProvenance"/> from its source text.</summary>
public static class FlowProvenances
{
    private static readonly string[] MeasuredPrefixes = ["measured", "metered", "meter", "计量", "实测"];
    private static readonly string[] PlanPrefixes = ["plan", "规划", "环评"];

    /// <summary>The provenance a source text states by its first word; blank or anything else is an estimate.</summary>
    public static FlowProvenance Of(string? source)
    {
        var text = source?.TrimStart() ?? string.Empty;
        if (MeasuredPrefixes.Any(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return FlowProvenance.Measured;
        }

        return PlanPrefixes.Any(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ? FlowProvenance.Plan : FlowProvenance.Estimate;
    }

    /// <summary>The provenance of a flow, from its <see cref="Flow.Source"/>.</summary>
    public static FlowProvenance Of(Flow flow) => Of(flow.Source);
}
