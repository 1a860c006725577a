using MathNet.Numerics.LinearAlgebra;

namespace ParkCycle.Reconciliation;

/// <summary>
/// Reconciles one block dense. The reduced constraints are the rows untouched by unknowns as they are, plus
/// the rows touched by unknowns projected onto the left null space of the unknowns' matrix (from its SVD).
/// Their covariance M = GΣGᵀ is inverted by Cholesky, or, when that shows a (near-)zero pivot because
/// constraints are redundant, pseudo-inverted from its eigen-decomposition; the rank is the degrees of freedom.
/// </summary>
internal static class BlockSolver
{
    private static readonly MatrixBuilder<double> Mat = Matrix<double>.Build;
    private static readonly VectorBuilder<double> Vec = Vector<double>.Build;

    public static BlockSolution Solve(ReconciliationProblem problem, ConstraintBlock block, ReconciliationOptions options, double critical)
    {
        var constraints = block.Constraints.Select(c => problem.Constraints[c]).ToArray();
        var m = constraints.Length;
        var nX = block.Measured.Length;
        var nY = block.Unknown.Length;
        var colX = new Dictionary<int, int>(nX);
        for (var i = 0; i < nX; i++)
        {
            colX[block.Measured[i]] = i;
        }

        var colY = new Dictionary<int, int>(nY);
        for (var j = 0; j < nY; j++)
        {
            colY[block.Unknown[j]] = j;
        }

        var x = new double[nX];
        var variance = new double[nX];
        for (var i = 0; i < nX; i++)
        {
            var v = problem.Variables[block.Measured[i]];
            x[i] = v.Value!.Value;
            variance[i] = v.Sigma * v.Sigma;
        }

        // Rows touched by an unknown, and the unknowns' matrix B over those rows.
        var touchedRows = new List<int>();
        var touchedIndex = new int[m];
        Array.Fill(touchedIndex, -1);
        for (var r = 0; r < m; r++)
        {
            if (constraints[r].Terms.Any(t => colY.ContainsKey(t.Variable)))
            {
                touchedIndex[r] = touchedRows.Count;
                touchedRows.Add(r);
            }
        }

        var mu = touchedRows.Count;
        Matrix<double>? q2 = null;          // mu × (mu − rankB): PB = 0 with P = q2ᵀ
        Matrix<double>? bPlus = null;       // nY × mu
        var observable = new bool[nY];
        if (nY > 0)
        {
            var b = Mat.Dense(mu, nY);
            foreach (var r in touchedRows)
            {
                foreach (var t in constraints[r].Terms)
                {
                    if (colY.TryGetValue(t.Variable, out var j))
                    {
                        b[touchedIndex[r], j] = t.Coefficient;
                    }
                }
            }

            var svd = b.Svd(computeVectors: true);
            var s = svd.S;
            var sMax = s.Count > 0 ? s.Maximum() : 0;
            var rankB = s.Count(v => v > options.RankTolerance * Math.Max(mu, nY) * sMax && v > 0);
            q2 = svd.U.SubMatrix(0, mu, rankB, mu - rankB);
            bPlus = Mat.Dense(nY, mu);
            for (var k = 0; k < rankB; k++)
            {
                bPlus += svd.VT.Row(k).ToColumnMatrix() * svd.U.Column(k).ToRowMatrix() * (1 / s[k]);
            }

            for (var j = 0; j < nY; j++)
            {
                double nullNorm = 0;
                for (var k = rankB; k < nY; k++)
                {
                    nullNorm += svd.VT[k, j] * svd.VT[k, j];
                }

                observable[j] = nullNorm < 1e-12;
            }
        }

        // Reduced constraints G x + g = 0 as sparse columns of G.
        var untouched = Enumerable.Range(0, m).Where(r => touchedIndex[r] < 0).ToArray();
        var projected = q2?.ColumnCount ?? 0;
        var k2 = untouched.Length + projected;
        var gCols = new List<(int Row, double Value)>[nX];
        for (var i = 0; i < nX; i++)
        {
            gCols[i] = [];
        }

        var g = new double[k2];
        for (var p = 0; p < untouched.Length; p++)
        {
            var c = constraints[untouched[p]];
            g[p] = c.Constant;
            foreach (var t in c.Terms)
            {
                gCols[colX[t.Variable]].Add((p, t.Coefficient));
            }
        }

        if (projected > 0)
        {
            var dense = new Dictionary<int, double[]>();
            foreach (var r in touchedRows)
            {
                var c = constraints[r];
                var ti = touchedIndex[r];
                for (var q = 0; q < projected; q++)
                {
                    g[untouched.Length + q] += q2![ti, q] * c.Constant;
                }

                foreach (var t in c.Terms)
                {
                    if (!colX.TryGetValue(t.Variable, out var i))
                    {
                        continue;
                    }

                    if (!dense.TryGetValue(i, out var col))
                    {
                        col = new double[projected];
                        dense[i] = col;
                    }

                    for (var q = 0; q < projected; q++)
                    {
                        col[q] += q2![ti, q] * t.Coefficient;
                    }
                }
            }

            foreach (var (i, col) in dense)
            {
                var scale = col.Max(Math.Abs);
                for (var q = 0; q < projected; q++)
                {
                    if (Math.Abs(col[q]) > 1e-14 * scale)
                    {
                        gCols[i].Add((untouched.Length + q, col[q]));
                    }
                }
            }
        }

        // M = G Σ Gᵀ and the residual of the reported values in the reduced constraints.
        var mMat = Mat.Dense(k2, k2);
        var residual = Vec.DenseOfArray((double[])g.Clone());
        for (var i = 0; i < nX; i++)
        {
            foreach (var (p, vp) in gCols[i])
            {
                residual[p] += vp * x[i];
                if (variance[i] == 0)
                {
                    continue;
                }

                foreach (var (q, vq) in gCols[i])
                {
                    mMat[p, q] += variance[i] * vp * vq;
                }
            }
        }

        var (mPlus, rank) = PseudoInverse(mMat, options.RankTolerance);
        var lambda = mPlus * residual;
        var statistic = Math.Max(0, residual.DotProduct(lambda));

        var reconciled = new double[nX];
        var adjustmentVariance = new double[nX];
        var measurements = new List<ReconciledMeasurement>(nX);
        for (var i = 0; i < nX; i++)
        {
            double a = 0, va = 0;
            foreach (var (p, vp) in gCols[i])
            {
                a -= variance[i] * vp * lambda[p];
                foreach (var (q, vq) in gCols[i])
                {
                    va += vp * mPlus[p, q] * vq;
                }
            }

            va *= variance[i] * variance[i];
            va = Math.Clamp(va, 0, variance[i]);
            reconciled[i] = x[i] + a;
            adjustmentVariance[i] = va;
            var redundant = variance[i] > 0 && va > 1e-12 * variance[i];
            var test = redundant ? Math.Abs(a) / Math.Sqrt(va) : 0;
            var v = problem.Variables[block.Measured[i]];
            measurements.Add(new ReconciledMeasurement(block.Measured[i], v.Id, x[i], v.Sigma, reconciled[i], Math.Sqrt(variance[i] - va), a, test, redundant && test > critical, redundant));
        }

        var estimates = new double[nY];
        var estimated = new List<EstimatedUnknown>();
        var unobservable = new List<int>();
        if (nY > 0)
        {
            // ŷ = −B⁺(A x̂ + c) over the touched rows; T = −B⁺A carries the covariance of x̂ to ŷ.
            var rhs = Vec.Dense(mu);
            var aU = Mat.Dense(mu, nX);
            foreach (var r in touchedRows)
            {
                var ti = touchedIndex[r];
                rhs[ti] = -constraints[r].Constant;
                foreach (var t in constraints[r].Terms)
                {
                    if (colX.TryGetValue(t.Variable, out var i))
                    {
                        aU[ti, i] = t.Coefficient;
                        rhs[ti] -= t.Coefficient * reconciled[i];
                    }
                }
            }

            var y = bPlus! * rhs;
            var tMat = -(bPlus! * aU);
            var h = Mat.Dense(nY, k2);
            for (var i = 0; i < nX; i++)
            {
                if (variance[i] == 0)
                {
                    continue;
                }

                foreach (var (p, vp) in gCols[i])
                {
                    for (var j = 0; j < nY; j++)
                    {
                        h[j, p] += tMat[j, i] * variance[i] * vp;
                    }
                }
            }

            var hm = h * mPlus;
            for (var j = 0; j < nY; j++)
            {
                estimates[j] = y[j];
                if (!observable[j])
                {
                    unobservable.Add(block.Unknown[j]);
                    continue;
                }

                double vy = 0;
                for (var i = 0; i < nX; i++)
                {
                    vy += tMat[j, i] * tMat[j, i] * variance[i];
                }

                vy -= hm.Row(j).DotProduct(h.Row(j));
                estimated.Add(new EstimatedUnknown(block.Unknown[j], problem.Variables[block.Unknown[j]].Id, y[j], Math.Sqrt(Math.Max(0, vy))));
            }
        }

        var residuals = new List<(int, ConstraintResidual)>(m);
        for (var r = 0; r < m; r++)
        {
            var c = constraints[r];
            double? reported = c.Constant;
            double? after = c.Constant;
            foreach (var t in c.Terms)
            {
                if (colX.TryGetValue(t.Variable, out var i))
                {
                    reported += t.Coefficient * x[i];
                    after += t.Coefficient * reconciled[i];
                }
                else
                {
                    var j = colY[t.Variable];
                    reported = null;
                    after = observable[j] ? after + (t.Coefficient * estimates[j]) : null;
                }
            }

            residuals.Add((block.Constraints[r], new ConstraintResidual(c.Id, reported, after)));
        }

        return new BlockSolution(measurements, estimated, unobservable, statistic, rank, residuals);
    }

    /// <summary>
    /// The inverse of a symmetric positive semi-definite matrix and its rank: Cholesky when every pivot is
    /// clearly positive, else the eigen-decomposition with eigenvalues under the tolerance dropped.
    /// </summary>
    internal static (Matrix<double> Inverse, int Rank) PseudoInverse(Matrix<double> m, double tolerance)
    {
        var n = m.RowCount;
        if (n == 0)
        {
            return (m, 0);
        }

        var clearlyDefinite = true;
        for (var i = 0; i < n; i++)
        {
            clearlyDefinite &= m[i, i] > 0;
        }

        if (clearlyDefinite)
        {
            try
            {
                var chol = m.Cholesky();
                var factor = chol.Factor;
                for (var i = 0; i < n && clearlyDefinite; i++)
                {
                    // A pivot that is a tiny share of its diagonal means the row is (nearly) a combination of earlier rows.
                    clearlyDefinite = factor[i, i] * factor[i, i] > 1e-8 * m[i, i];
                }

                if (clearlyDefinite)
                {
                    return (chol.Solve(Mat.DenseIdentity(n)), n);
                }
            }
            catch (ArgumentException)
            {
                // not positive definite: fall through to the eigen-decomposition
            }
        }

        var evd = m.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var max = values.Length > 0 ? values.Max() : 0;
        var inverse = Mat.Dense(n, n);
        var rank = 0;
        if (max <= 0)
        {
            return (inverse, 0);
        }

        var vectors = evd.EigenVectors;
        for (var k = 0; k < n; k++)
        {
            if (values[k] <= Math.Max(tolerance, 1e-12) * max * n)
            {
                continue;
            }

            rank++;
            var v = vectors.Column(k);
            inverse += v.OuterProduct(v) / values[k];
        }

        return (inverse, rank);
    }
}
