using ParkCycle.Domain.Datasets;
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
        else if (r.PriceCnyPerUnit is { } price && !PhysicalRanges.PriceCnyPerUnit.Contains(price))
        {
            errors.Add(new FieldError("price_cny_per_unit", PhysicalRanges.PriceCnyPerUnit.Refusal(Invariant(price))));
        }

        Text(errors, "quality_notes", r.QualityNotes);
        Annual(errors, r.Quantity, r.Unit, r.Period, r.MaterialId, catalog);
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

        Text(errors, "notes", r.Notes);
        Annual(errors, r.Quantity, r.Unit, r.Period, r.MaterialId, catalog);
        return errors;
    }

    /// <summary>
    /// The quantity per year in the material's own unit. Never throws: a stored value beyond the decimal range
    /// saturates to <see cref="decimal.MaxValue"/>, and an unknown unit or a unit of another dimension gives
    /// <see cref="decimal.MaxValue"/> too, so the park's range check quarantines it (<see cref="ContributionCheck"/>).
    /// </summary>
    public static decimal AnnualQuantity(decimal quantity, string unit, ReportPeriod period, Material material)
    {
        if (!Unit.TryParse(unit, out var from))
        {
            return decimal.MaxValue;
        }

        decimal perPeriod;
        try
        {
            perPeriod = material.ToOwnUnit(new Quantity(quantity, from)).Value;
        }
        catch (Exception ex) when (ex is OverflowException or InvalidOperationException or DimensionMismatchException)
        {
            return decimal.MaxValue;
        }
        return period switch
        {
            ReportPeriod.Month => Saturating.Multiply(perPeriod, 12),
            ReportPeriod.Week => Saturating.Multiply(perPeriod, 52),
            _ => perPeriod,
        };
    }

    private static void Annual(List<FieldError> errors, decimal quantity, string unit, ReportPeriod period, string materialId, MaterialCatalog catalog)
    {
        if (errors.Any(e => e.Field is "quantity" or "unit" or "material"))
        {
            return;
        }

        var annual = AnnualQuantity(quantity, unit, period, catalog.Find(materialId)!);
        if (!PhysicalRanges.AnnualQuantity.Contains(annual))
        {
            var material = catalog.Find(materialId)!;
            errors.Add(new FieldError("quantity", $"{Invariant(quantity)} {unit} per {period.ToString().ToLowerInvariant()}: {PhysicalRanges.AnnualQuantity.Refusal($"{Invariant(annual)} {material.Unit.Symbol} a year")}"));
        }
    }

    private static void Text(List<FieldError> errors, string field, string? value)
    {
        if (value is not null && TextLimits.Problem(value) is { } problem)
        {
            errors.Add(new FieldError(field, problem));
        }
    }

    private static string Invariant(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
            errors.Add(new FieldError("quantity", $"{Invariant(quantity)} must be greater than zero"));
        }
        else if (!PhysicalRanges.ReportedQuantity.Contains(quantity))
        {
            errors.Add(new FieldError("quantity", PhysicalRanges.ReportedQuantity.Refusal(Invariant(quantity))));
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
