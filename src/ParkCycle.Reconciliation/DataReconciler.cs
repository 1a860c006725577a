using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ParkCycle.Reconciliation;

/// <summary>
/// Linear data reconciliation by weighted least squares (the method of STAN and of the process-industry
/// literature: Kuehn and Davidson 1961; Crowe, García Campos and Hrymak 1983; Narasimhan and Jordache 1999):
/// the measurements x with covariance Σ = diag(σ²) are adjusted to x̂ = x − ΣGᵀ(GΣGᵀ)⁺(Gx + g), the
/// smallest weighted change that satisfies the constraints, after the unknowns have been projected out of
/// the constraints (G = PA with PB = 0, Crowe's projection). Unknowns are then estimated where the
/// constraints determine them. The problem splits into independent blocks (connected components of the
/// constraint–variable graph), each solved dense, so a park's cost grows with its largest block, not its size.
/// </summary>
public static class DataReconciler
{
    /// <summary>Reconciles a problem; never throws for redundant, contradictory or unobservable constraints.</summary>
    public static ReconciliationResult Compute(ReconciliationProblem problem, ReconciliationOptions? options = null)
    {
        options ??= new ReconciliationOptions();
        if (options.Confidence is <= 0 or >= 1 || double.IsNaN(options.Confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Confidence, "confidence must be between 0 and 1 (exclusive)");
        }

        var blocks = ConstraintBlocks.Split(problem);
        var critical = Normal.InvCDF(0, 1, 1 - ((1 - options.Confidence) / 2));
        var solved = new BlockSolution[blocks.Count];
        Parallel.For(0, blocks.Count, b => solved[b] = BlockSolver.Solve(problem, blocks[b], options, critical));

        var measurements = new List<ReconciledMeasurement>();
        var estimated = new List<EstimatedUnknown>();
        var unobservable = new List<int>();
        var residuals = new ConstraintResidual?[problem.Constraints.Count];
        double statistic = 0;
        var dof = 0;
        foreach (var s in solved)
        {
            measurements.AddRange(s.Measurements);
            estimated.AddRange(s.Estimated);
            unobservable.AddRange(s.Unobservable);
            statistic += s.Statistic;
            dof += s.DegreesOfFreedom;
            foreach (var (index, residual) in s.Residuals)
            {
                residuals[index] = residual;
            }
        }

        // Unknowns that no constraint mentions cannot be estimated from anything.
        var inSomeConstraint = new bool[problem.Variables.Count];
        foreach (var term in problem.Constraints.SelectMany(c => c.Terms))
        {
            inSomeConstraint[term.Variable] = true;
        }

        for (var v = 0; v < problem.Variables.Count; v++)
        {
            if (!problem.Variables[v].IsMeasured && !inSomeConstraint[v])
            {
                unobservable.Add(v);
            }
        }

        for (var c = 0; c < residuals.Length; c++)
        {
            // A constraint with no variables is its constant alone.
            residuals[c] ??= new ConstraintResidual(problem.Constraints[c].Id, problem.Constraints[c].Constant, problem.Constraints[c].Constant);
        }

        var pValue = dof > 0 ? SpecialFunctions.GammaUpperRegularized(dof / 2.0, statistic / 2.0) : 1.0;
        var global = new GlobalTest(statistic, dof, pValue, pValue >= 1 - options.Confidence);
        return new ReconciliationResult(
            [.. measurements.OrderBy(m => m.Variable)],
            [.. estimated.OrderBy(e => e.Variable)],
            [.. unobservable.Order().Select(v => problem.Variables[v].Id)],
            global,
            residuals!,
            critical,
            blocks.Count);
    }
}
