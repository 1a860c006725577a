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
    /// The dimension the balance is summed in: mass (t), energy (GJ), volume for water (m³), or the material's own.
    /// </summary>
    public Dimension DimensionFor(Material? material) => Kind switch
    {
        BalanceScopeKind.Mass => Dimension.Mass,
        BalanceScopeKind.Energy => Dimension.Energy,
        BalanceScopeKind.Water => Dimension.Volume,
        _ => material?.Unit.Dimension ?? Dimension.Mass,
    };

    /// <summary>Whether a flow of this material and unit belongs to the scope (it has a <see cref="Coefficient"/>).</summary>
    public bool Includes(Flow flow, Material? material) => Coefficient(flow, material) is not null;

    /// <summary>
    /// What one unit of <paramref name="flow"/> counts in the balance, in the base unit of <see cref="DimensionFor"/>
    /// (t, GJ or m³); null when the flow is outside the scope. Across dimensions it goes through the material's
    /// properties, as the accounts do (<see cref="Material.TryConvert"/>): a mass balance counts a wastewater flow in m³
    /// by its density and steam metered in GJ by its enthalpy; an energy balance counts coal in t by its calorific
    /// value (GB/T 2589-2020) and electricity in kWh at 3.6 MJ; a water balance counts water and wastewater, in m³
    /// or through their density. A flow whose material lacks the property a conversion needs stays outside, never
    /// guessed (heat has no mass; fly ash has no calorific value).
    /// </summary>
    public decimal? Coefficient(Flow flow, Material? material)
    {
        var inScope = Kind switch
        {
            BalanceScopeKind.Water => material?.Category is MaterialCategory.Water or MaterialCategory.Wastewater,
            BalanceScopeKind.Material => string.Equals(flow.MaterialId, MaterialId, StringComparison.Ordinal),
            _ => true,
        };
        if (!inScope)
        {
            return null;
        }

        var target = Unit.BaseOf(DimensionFor(material));
        if (flow.Unit.Dimension == target.Dimension)
        {
            return flow.Unit.ToBase / target.ToBase;
        }

        return material is not null && material.TryConvert(new Quantity(1m, flow.Unit), target, out var one, out _) ? one.Value : null;
    }

    /// <summary>The code as written in datasets.</summary>
    public override string ToString() => Kind == BalanceScopeKind.Material ? MaterialPrefix + MaterialId : Codes<BalanceScopeKind>.Of(Kind);
}
