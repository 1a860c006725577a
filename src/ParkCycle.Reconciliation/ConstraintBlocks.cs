namespace ParkCycle.Reconciliation;

/// <summary>Splits a problem into the connected components of its constraint–variable graph (union–find).</summary>
internal static class ConstraintBlocks
{
    public static List<ConstraintBlock> Split(ReconciliationProblem problem)
    {
        var constraints = problem.Constraints;
        var parent = new int[constraints.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var firstConstraintOf = new int[problem.Variables.Count];
        Array.Fill(firstConstraintOf, -1);
        for (var c = 0; c < constraints.Count; c++)
        {
            foreach (var term in constraints[c].Terms)
            {
                var first = firstConstraintOf[term.Variable];
                if (first < 0)
                {
                    firstConstraintOf[term.Variable] = c;
                }
                else
                {
                    var (a, b) = (Find(first), Find(c));
                    if (a != b)
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
                }
            }
        }

        var byRoot = new Dictionary<int, (List<int> Constraints, List<int> Measured, List<int> Unknown)>();
        for (var c = 0; c < constraints.Count; c++)
        {
            if (constraints[c].Terms.Count == 0)
            {
                continue;
            }

            var root = Find(c);
            if (!byRoot.TryGetValue(root, out var block))
            {
                block = ([], [], []);
                byRoot[root] = block;
            }

            block.Constraints.Add(c);
        }

        for (var v = 0; v < firstConstraintOf.Length; v++)
        {
            if (firstConstraintOf[v] < 0)
            {
                continue;
            }

            var block = byRoot[Find(firstConstraintOf[v])];
            (problem.Variables[v].IsMeasured ? block.Measured : block.Unknown).Add(v);
        }

        return [.. byRoot.OrderBy(kv => kv.Key).Select(kv => new ConstraintBlock([.. kv.Value.Constraints], [.. kv.Value.Measured], [.. kv.Value.Unknown]))];
    }
}
