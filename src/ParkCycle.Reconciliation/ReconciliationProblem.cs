namespace ParkCycle.Reconciliation;

/// <summary>
/// The input of a linear data reconciliation: measured and unknown variables and the linear constraints
/// they must satisfy. Built by adding variables, then constraints over their indices.
/// </summary>
public sealed class ReconciliationProblem
{
    private readonly List<ReconciliationVariable> _variables = [];
    private readonly List<ReconciliationConstraint> _constraints = [];

    /// <summary>The variables in the order they were added; a variable's index is its position here.</summary>
    public IReadOnlyList<ReconciliationVariable> Variables => _variables;

    /// <summary>The constraints in the order they were added.</summary>
    public IReadOnlyList<ReconciliationConstraint> Constraints => _constraints;

    /// <summary>Adds a measured variable; <paramref name="sigma"/> is its absolute standard deviation (≥ 0, finite).</summary>
    /// <returns>The variable's index.</returns>
    public int AddMeasured(string id, double value, double sigma)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"the value of '{id}' must be finite");
        }

        if (!double.IsFinite(sigma) || sigma < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"the standard deviation of '{id}' must be finite and not negative");
        }

        _variables.Add(new ReconciliationVariable(id, value, sigma));
        return _variables.Count - 1;
    }

    /// <summary>Adds an unknown variable, to be estimated from the constraints where they determine it.</summary>
    /// <returns>The variable's index.</returns>
    public int AddUnknown(string id)
    {
        _variables.Add(new ReconciliationVariable(id, null, 0));
        return _variables.Count - 1;
    }

    /// <summary>Adds the constraint Σ terms + <paramref name="constant"/> = 0. Terms on the same variable are summed.</summary>
    public void AddConstraint(string id, IEnumerable<ConstraintTerm> terms, double constant = 0)
    {
        var merged = new Dictionary<int, double>();
        foreach (var term in terms)
        {
            if ((uint)term.Variable >= (uint)_variables.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(terms), term.Variable, $"constraint '{id}' names no variable {term.Variable}");
            }

            if (!double.IsFinite(term.Coefficient))
            {
                throw new ArgumentOutOfRangeException(nameof(terms), term.Coefficient, $"constraint '{id}' has a coefficient that is not finite");
            }

            merged[term.Variable] = merged.GetValueOrDefault(term.Variable) + term.Coefficient;
        }

        var list = merged.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key).Select(kv => new ConstraintTerm(kv.Key, kv.Value)).ToList();
        _constraints.Add(new ReconciliationConstraint(id, list, constant));
    }
}
