using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>Validates byproduct and need reports like datasets are validated, naming each bad field.</summary>
public static class ReportValidator
{
    /// <summary>The latest an availability window or a need may reach: ten years out.</summary>
    public const int MaxYearsAhead = 10;

    public static List<FieldError> Validate(ByproductReport r, MaterialCatalog catalog, DateOnly today)
    {
        var errors = Common(r.MaterialId, r.Quantity, r.Unit, catalog);
        if (r.AvailableFrom.Year < 2000)
        {
            errors.Add(new FieldError("available_from", $"{r.AvailableFrom:yyyy-MM-dd} is not a sane date"));
        }

        if (r.AvailableTo <= r.AvailableFrom)
        {
            errors.Add(new FieldError("available_to", $"the window must end after it starts ({r.AvailableFrom:yyyy-MM-dd})"));
        }
        else if (r.AvailableTo < today)
        {
            errors.Add(new FieldError("available_to", $"{r.AvailableTo:yyyy-MM-dd} has already passed"));
        }
        else if (r.AvailableTo > today.AddYears(MaxYearsAhead))
        {
            errors.Add(new FieldError("available_to", $"{r.AvailableTo:yyyy-MM-dd} is more than {MaxYearsAhead} years ahead"));
        }

        if (r.PriceCnyPerUnit is < 0)
        {
            errors.Add(new FieldError("price_cny_per_unit", "a price cannot be negative (0 means free)"));
        }

        return errors;
    }

    public static List<FieldError> Validate(NeedReport r, MaterialCatalog catalog, DateOnly today)
    {
        var errors = Common(r.MaterialId, r.Quantity, r.Unit, catalog);
        if (r.NeededBy < today)
        {
            errors.Add(new FieldError("needed_by", $"{r.NeededBy:yyyy-MM-dd} has already passed"));
        }
        else if (r.NeededBy > today.AddYears(MaxYearsAhead))
        {
            errors.Add(new FieldError("needed_by", $"{r.NeededBy:yyyy-MM-dd} is more than {MaxYearsAhead} years ahead"));
        }

        return errors;
    }

    /// <summary>The quantity per year in the material's own unit.</summary>
    public static decimal AnnualQuantity(decimal quantity, string unit, ReportPeriod period, Material material)
    {
        var perPeriod = material.ToOwnUnit(new Quantity(quantity, Unit.Parse(unit))).Value;
        return period switch
        {
            ReportPeriod.Month => perPeriod * 12,
            ReportPeriod.Week => perPeriod * 52,
            _ => perPeriod,
        };
    }

    private static List<FieldError> Common(string materialId, decimal quantity, string unit, MaterialCatalog catalog)
    {
        var errors = new List<FieldError>();
        var material = string.IsNullOrWhiteSpace(materialId) ? null : catalog.Find(materialId);
        if (material is null)
        {
            errors.Add(new FieldError("material", string.IsNullOrWhiteSpace(materialId) ? "a value is required" : $"unknown material '{materialId}'"));
        }

        if (quantity <= 0)
        {
            errors.Add(new FieldError("quantity", $"{quantity} must be greater than zero"));
        }

        if (!Unit.TryParse(unit, out var parsed))
        {
            errors.Add(new FieldError("unit", $"unknown unit '{unit}' (known: {string.Join(", ", Unit.All.Select(u => u.Symbol))})"));
        }
        else if (material is not null && !material.TryConvert(new Quantity(1m, parsed), material.Unit, out _, out var missing))
        {
            // Another dimension is fine when the material's properties convert it (coal in GJ by its calorific value).
            errors.Add(new FieldError("unit", $"unit '{unit}' does not match {material.Id}, which is measured in {material.Unit.Symbol} ('{parsed.Symbol}' needs {missing})"));
        }

        return errors;
    }
}
