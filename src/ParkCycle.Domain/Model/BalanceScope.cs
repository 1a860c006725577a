using System.Diagnostics.CodeAnalysis;
using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Model;

/// <summary>
/// The scope of a declared balance as written in <c>balances.csv</c>: <c>mass</c>, <c>energy</c>, <c>water</c>
/// or <c>material:&lt;id&gt;</c>. <see cref="MaterialId"/> is set only for <see cref="BalanceScopeKind.Material"/>.
/// </summary>
public sealed record BalanceScope(BalanceScopeKind Kind, string? MaterialId = null)
{
    /// <summary>The prefix of a one-material scope.</summary>
    public const string MaterialPrefix = "material:";

    /// <summary>The codes a scope may take, for messages.</summary>
    public static string Known => "mass, energy, water, material:<id>";

    /// <summary>Reads a scope code; false for anything else (a material scope with no id included).</summary>
    public static bool TryParse(string? code, [NotNullWhen(true)] out BalanceScope? scope)
    {
        scope = null;
        var text = code?.Trim();
        if (text is null)
        {
            return false;
        }

        if (text.StartsWith(MaterialPrefix, StringComparison.Ordinal))
        {
            var id = text[MaterialPrefix.Length..].Trim();
            scope = id.Length > 0 ? new BalanceScope(BalanceScopeKind.Material, id) : null;
            return scope is not null;
        }

        if (Codes<BalanceScopeKind>.TryParse(text, out var kind) && kind != BalanceScopeKind.Material)
        {
            scope = new BalanceScope(kind);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The dimension the balance is summed in: mass, energy, volume for water, or the material's own. Flows of
    /// another dimension are outside the balance until a conversion through material properties is known.
    /// </summary>
    public Dimension DimensionFor(Material? material) => Kind switch
    {
        BalanceScopeKind.Mass => Dimension.Mass,
        BalanceScopeKind.Energy => Dimension.Energy,
        BalanceScopeKind.Water => Dimension.Volume,
        _ => material?.Unit.Dimension ?? Dimension.Mass,
    };

    /// <summary>Whether a flow of this material and unit belongs to the scope.</summary>
    public bool Includes(Flow flow, Material? material) => Kind switch
    {
        BalanceScopeKind.Mass => flow.Unit.Dimension == Dimension.Mass,
        BalanceScopeKind.Energy => flow.Unit.Dimension == Dimension.Energy,
        BalanceScopeKind.Water => material?.Category is MaterialCategory.Water or MaterialCategory.Wastewater && flow.Unit.Dimension == Dimension.Volume,
        _ => string.Equals(flow.MaterialId, MaterialId, StringComparison.Ordinal),
    };

    /// <summary>The code as written in datasets.</summary>
    public override string ToString() => Kind == BalanceScopeKind.Material ? MaterialPrefix + MaterialId : Codes<BalanceScopeKind>.Of(Kind);
}
