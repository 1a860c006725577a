using System.Text.RegularExpressions;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// Turns a manifest and the dataset's tables into a <see cref="ParkDataset"/>, collecting every problem
/// rather than stopping at the first. Any error means no dataset: never a half-loaded park.
/// </summary>
internal sealed partial class DatasetParser(MaterialCatalog catalog, List<DatasetError>? problems = null, ParkDataset? context = null)
{
    private readonly List<DatasetError> _problems = problems ?? [];

    [GeneratedRegex("^HW[0-9]{2}$")]
    private static partial Regex HazardousCodePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ProcessCodePattern();

    public DatasetLoadResult Parse(DatasetManifest? manifest, IReadOnlyDictionary<string, Table> tables, IEnumerable<DatasetError> earlierProblems)
    {
        _problems.AddRange(earlierProblems);

        foreach (var spec in DatasetSchema.Tables)
        {
            if (tables.TryGetValue(spec.Name, out var table))
            {
                CheckColumns(spec, table);
            }
        }

        CheckBoundary(manifest, tables.Values);

        // A table with a missing required column cannot be read row by row meaningfully.
        if (_problems.Any(p => p.Severity == Severity.Error && p.Line == 1 && p.Reason.StartsWith("missing required column", StringComparison.Ordinal))
            || _problems.Any(p => p.Severity == Severity.Error && p.Column?.EndsWith("[]", StringComparison.Ordinal) == true))
        {
            return DatasetLoadResult.Failed(_problems);
        }

        var zones = ParseZones(tables.GetValueOrDefault(DatasetSchema.Zones.Name));
        var materials = ParseMaterials(tables.GetValueOrDefault(DatasetSchema.Materials.Name));
        var materialLookup = catalog.Materials.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var m in context?.Materials ?? [])
        {
            materialLookup[m.Id] = m;
        }

        foreach (var m in materials)
        {
            materialLookup[m.Id] = m;
        }

        var enterprises = ParseEnterprises(tables.GetValueOrDefault(DatasetSchema.Enterprises.Name), zones);
        var enterpriseIds = enterprises.Select(e => e.Id).Concat(context?.Enterprises.Select(e => e.Id) ?? []).ToHashSet(StringComparer.Ordinal);
        var flows = ParseFlows(tables.GetValueOrDefault(DatasetSchema.Flows.Name), enterpriseIds, materialLookup);
        var substitutions = ParseSubstitutions(tables.GetValueOrDefault(DatasetSchema.Substitutions.Name), materialLookup, catalog.Substitutions.Select(s => s.Id));
        var projects = ParseProjects(tables.GetValueOrDefault(DatasetSchema.Projects.Name), enterpriseIds);
        var progress = ParseProgress(tables.GetValueOrDefault(DatasetSchema.Progress.Name), projects);
        var programmes = ParseProgrammes(tables.GetValueOrDefault(DatasetSchema.Programmes.Name));
        var programmeProgress = ParseProgrammeProgress(tables.GetValueOrDefault(DatasetSchema.ProgrammeProgress.Name), programmes);
        var heatStreams = ParseHeatStreams(tables.GetValueOrDefault(DatasetSchema.HeatStreams.Name), enterpriseIds);
        var balances = ParseBalances(tables.GetValueOrDefault(DatasetSchema.Balances.Name), enterpriseIds, flows, materialLookup);
        var prices = ParsePrices(tables.GetValueOrDefault(DatasetSchema.Prices.Name), materialLookup);

        if (manifest is null || _problems.Any(p => p.Severity == Severity.Error))
        {
            return DatasetLoadResult.Failed(_problems);
        }

        var dataset = new ParkDataset(manifest, zones, enterprises, materials, flows, substitutions, projects, progress, catalog)
        {
            Programmes = programmes,
            ProgrammeProgress = programmeProgress,
            HeatStreams = heatStreams,
            Balances = balances,
            Prices = prices,
        };
        return new DatasetLoadResult(dataset, _problems);
    }

    /// <summary>
    /// Checks that hold for every table, including ones added later: each <c>id</c> follows the identifier grammar,
    /// and no cell is over the text limit or holds a control character.
    /// </summary>
    private void CheckBoundary(DatasetManifest? manifest, IEnumerable<Table> tables)
    {
        if (manifest is not null && !Identifier.IsValid(manifest.Id))
        {
            _problems.Add(new DatasetError(DatasetSchema.ManifestFile, null, "id", $"'{manifest.Id}' is not an identifier: {Identifier.Grammar}"));
        }

        foreach (var table in tables)
        {
            var idColumn = table.Header.Select((h, i) => (h, i)).FirstOrDefault(x => string.Equals(x.h, "id", StringComparison.OrdinalIgnoreCase));
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < row.Values.Count && i < table.Header.Count; i++)
                {
                    if (TextLimits.Problem(row.Values[i]) is { } problem)
                    {
                        _problems.Add(table.ErrorAt(row, table.Header[i], problem));
                    }
                }

                if (idColumn.h is not null && table.Get(row, idColumn.h) is { } id && !Identifier.IsValid(id)
                    && !ExternalNode.IsExternal(id)) // reported by the table's own check
                {
                    _problems.Add(table.ErrorAt(row, idColumn.h, $"'{id}' is not an identifier: {Identifier.Grammar}"));
                }
            }
        }
    }

    private void CheckColumns(TableSpec spec, Table table)
    {
        foreach (var column in spec.Columns.Where(c => c.Required))
        {
            if (!table.HasColumn(column.Name))
            {
                _problems.Add(table.JsonArrayName is null
                    ? new DatasetError(table.File, 1, column.Name, $"missing required column '{column.Name}'")
                    : new DatasetError(table.File, null, $"{table.JsonArrayName}[].{column.Name}", $"missing required field '{column.Name}'"));
            }
        }
    }

    /// <summary>
    /// Reads every row of a table the dataset may leave out (no table, no rows) with <paramref name="read"/>. A row
    /// whose reading found an error is left out whole, never half-read: the errors name it, and nothing of it is kept.
    /// </summary>
    private List<T> Rows<T>(Table? table, Func<CellParser, TableRow, T?> read)
        where T : class
    {
        var rows = new List<T>();
        if (table is null)
        {
            return rows;
        }

        var cells = new CellParser(table, _problems);
        foreach (var row in table.Rows)
        {
            cells.BeginRow();
            if (read(cells, row) is { } value && !cells.RowFailed)
            {
                rows.Add(value);
            }
        }

        return rows;
    }

    private List<Zone> ParseZones(Table? table)
    {
        return Rows<Zone>(table, (cells, row) =>
        {
            var id = cells.Required(row, "id");
            var name = cells.Required(row, "name");
            if (id is null || name is null || !cells.UniqueId(row, "id", id))
            {
                return null;
            }

            return new Zone(id, name, cells.Text(row, "name_en"));
        });
    }

    private List<Material> ParseMaterials(Table? table)
    {
        return Rows<Material>(table, (cells, row) =>
        {
            return ParseMaterial(cells, row, id => catalog.Find(id) ?? context?.FindMaterial(id));
        });
    }

    /// <summary>Reads one material row; shared with the catalogue reader so both validate alike.</summary>
    /// <param name="parents">Where a <c>catalog_id</c> is looked up: the catalogue (or, for the catalogue itself, its earlier rows).</param>
    internal Material? ParseMaterial(CellParser cells, TableRow row, Func<string, Material?>? parents = null)
    {
        var id = cells.Required(row, "id");
        var name = cells.Required(row, "name");
        var category = cells.Code<MaterialCategory>(row, "category");
        var unit = cells.UnitOf(row, "unit");
        var temperature = cells.Decimal(row, "temperature_c", PhysicalRanges.TemperatureC);
        var hazardousCode = cells.Text(row, "hazardous_code");
        var properties = ParseProperties(cells, row, unit, category);
        if (id is not null)
        {
            cells.UniqueId(row, "id", id);
        }

        if (category is { } cat)
        {
            if (cat is MaterialCategory.WasteHeat or MaterialCategory.Steam && temperature is null && cells.Text(row, "temperature_c") is null)
            {
                cells.Error(row, "temperature_c", $"a {Codes<MaterialCategory>.Of(cat)} material needs its temperature in °C");
            }

            if (cat == MaterialCategory.HazardousWaste)
            {
                if (hazardousCode is null)
                {
                    cells.Error(row, "hazardous_code", "a hazardous-waste material needs its code from the National Hazardous Waste List (e.g. HW08)");
                }
                else if (!HazardousCodePattern().IsMatch(hazardousCode))
                {
                    cells.Error(row, "hazardous_code", $"'{hazardousCode}' is not a hazardous-waste code of the form HW + two digits (e.g. HW08)");
                }
            }

            if (cat != MaterialCategory.Steam && (properties.PressureMpa is not null || properties.EnthalpyGjPerT is not null))
            {
                cells.Error(row, properties.PressureMpa is not null ? "pressure_mpa" : "enthalpy_gj_per_t", $"pressure and enthalpy describe steam; '{Codes<MaterialCategory>.Of(cat)}' is not steam");
            }
            else if (cat == MaterialCategory.Steam && properties.PressureMpa is { } p && properties.EnthalpyGjPerT is null && temperature is { } t
                && SteamTable.EnthalpyGjPerT(p, t, out var steamReason) is null)
            {
                cells.Error(row, "pressure_mpa", steamReason!);
            }
        }

        Material? parent = null;
        if (properties.CatalogId is { } catalogId)
        {
            parent = parents?.Invoke(catalogId);
            if (parent is null)
            {
                cells.Error(row, "catalog_id", $"unknown catalogue material '{catalogId}' (not in the catalogue)");
            }
            else if (catalogId == id)
            {
                cells.Error(row, "catalog_id", $"'{id}' cannot be a kind of itself");
            }
        }

        if (cells.RowFailed)
        {
            return null;
        }

        var material = new Material(id!, name!, cells.Text(row, "name_en"), category!.Value, unit!, temperature, hazardousCode) { Properties = properties, Source = cells.Text(row, "source") };
        return parent is null ? material : material.InheritFrom(parent);
    }

    private static MaterialProperties ParseProperties(CellParser cells, TableRow row, Unit? unit, MaterialCategory? category)
    {
        var density = Positive(cells, row, "density_t_per_m3");
        var lhv = cells.Decimal(row, "lhv_gj_per_unit");
        var lhvPerM3 = Positive(cells, row, "lhv_gj_per_m3");
        var tce = cells.Decimal(row, "tce_per_unit");
        var co2 = cells.Decimal(row, "co2_t_per_unit");
        var pressure = Positive(cells, row, "pressure_mpa");
        var enthalpy = Positive(cells, row, "enthalpy_gj_per_t");
        if (unit is { Dimension: Dimension.Energy })
        {
            if (lhv is not null)
            {
                cells.Error(row, "lhv_gj_per_unit", $"a material measured in {unit.Symbol} is energy already; give lhv_gj_per_m3 for a gas metered by volume");
                lhv = null;
            }
        }
        else if (lhvPerM3 is not null)
        {
            cells.Error(row, "lhv_gj_per_m3", $"lhv_gj_per_m3 is for a gas measured in an energy unit; a material measured in {unit?.Symbol} gives lhv_gj_per_unit");
        }

        if (enthalpy is not null && category == MaterialCategory.Steam && unit is { Dimension: not Dimension.Mass })
        {
            cells.Error(row, "enthalpy_gj_per_t", $"enthalpy per tonne needs steam measured in t, not {unit.Symbol}");
        }

        return new MaterialProperties(density, lhv, lhvPerM3, tce, co2, cells.Boolean(row, "fossil"), cells.Boolean(row, "feedstock"),
            pressure, enthalpy, cells.Text(row, "catalog_id"));
    }

    private static decimal? Positive(CellParser cells, TableRow row, string column)
    {
        var value = cells.Decimal(row, column);
        if (value == 0)
        {
            cells.Error(row, column, $"{column} must be greater than zero");
            return null;
        }

        return value;
    }

    private List<Enterprise> ParseEnterprises(Table? table, List<Zone> zones)
    {
        var zoneIds = zones.Select(z => z.Id).Concat(context?.Zones.Select(z => z.Id) ?? []).ToHashSet(StringComparer.Ordinal);

        return Rows<Enterprise>(table, (cells, row) =>
        {
            var id = cells.Required(row, "id");
            var name = cells.Required(row, "name");
            var zone = cells.Required(row, "zone");
            var chainsRaw = cells.Required(row, "chains");
            var status = cells.Code<EnterpriseStatus>(row, "status");
            var lat = cells.Decimal(row, "lat", allowNegative: true);
            var lon = cells.Decimal(row, "lon", allowNegative: true);
            var output = cells.Decimal(row, "output_value_10k_cny", PhysicalRanges.Money10kCny);
            var energy = cells.Decimal(row, "energy_tce", PhysicalRanges.EnergyTce);
            var aboveSize = cells.Boolean(row, "above_size");
            var valueAdded = cells.Decimal(row, "value_added_10k_cny");
            var capabilities = CodeList(cells, row, "capabilities", ProcessCodePattern(), "a process code in lowercase kebab-case (e.g. cement-kiln)");
            var licences = CodeList(cells, row, "licences", HazardousCodePattern(), "a hazardous-waste code of the form HW + two digits (e.g. HW08)");
            var endDate = cells.Date(row, "end_date");
            var recirculated = cells.Decimal(row, "recirculated_water_m3");
            var capacity = cells.Decimal(row, "new_energy_capacity_mw");
            var capacityType = cells.Text(row, "new_energy_type") is null ? null : cells.Code<NewEnergyType>(row, "new_energy_type");
            if (capacity is not null && capacityType is null && cells.Text(row, "new_energy_type") is null)
            {
                cells.Error(row, "new_energy_type", $"say which kind the {capacity} MW is: one of {string.Join(", ", Codes<NewEnergyType>.All)}");
            }

            if (id is not null)
            {
                cells.UniqueId(row, "id", id);
                if (ExternalNode.IsExternal(id))
                {
                    cells.Error(row, "id", $"'{id}' starts with '{ExternalNode.Prefix}', which is kept for external nodes");
                }
            }

            if (zone is not null && !zoneIds.Contains(zone))
            {
                cells.Error(row, "zone", $"unknown zone '{zone}' (not in zones.csv)");
            }

            var chains = new List<Chain>();
            if (chainsRaw is not null)
            {
                foreach (var part in chainsRaw.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (Codes<Chain>.TryParse(part, out var chain))
                    {
                        chains.Add(chain);
                    }
                    else
                    {
                        cells.Error(row, "chains", $"'{part}' is not one of: {string.Join(", ", Codes<Chain>.All)}");
                    }
                }
            }

            if (lat is < -90 or > 90)
            {
                cells.Error(row, "lat", $"latitude {lat} is out of range (−90 to 90)");
            }

            if (lon is < -180 or > 180)
            {
                cells.Error(row, "lon", $"longitude {lon} is out of range (−180 to 180)");
            }

            if ((cells.Text(row, "lat") is null) != (cells.Text(row, "lon") is null))
            {
                cells.Error(row, lat is null ? "lat" : "lon", "give both latitude and longitude, or neither");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new Enterprise(id!, name!, cells.Text(row, "name_en"), zone!, chains, cells.Text(row, "sector"),
                lat, lon, status!.Value, output, energy, aboveSize, cells.Text(row, "source")) {
                ValueAdded10kCny = valueAdded,
                Capabilities = capabilities,
                Licences = licences,
                EndDate = endDate,
                RecirculatedWaterM3 = recirculated,
                NewEnergyCapacityMw = capacity,
                NewEnergyType = capacityType,
                BalanceExempt = cells.Text(row, "balance_exempt"),
            };
        });
    }

    private static List<string> CodeList(CellParser cells, TableRow row, string column, Regex pattern, string expected)
    {
        var codes = new List<string>();
        foreach (var part in (cells.Text(row, column) ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!pattern.IsMatch(part))
            {
                cells.Error(row, column, $"'{part}' is not {expected}");
            }
            else if (!codes.Contains(part, StringComparer.Ordinal))
            {
                codes.Add(part);
            }
        }

        return codes;
    }

    private List<Flow> ParseFlows(Table? table, HashSet<string> enterpriseIds, Dictionary<string, Material> materials)
    {
        return Rows<Flow>(table, (cells, row) =>
        {
            var id = cells.Required(row, "id");
            var from = cells.Required(row, "from");
            var to = cells.Required(row, "to");
            var materialId = cells.Required(row, "material");
            var quantity = cells.Decimal(row, "quantity", PhysicalRanges.AnnualQuantity);
            var unit = cells.UnitOf(row, "unit");
            var status = cells.Code(row, "status", (FlowStatus?)FlowStatus.Existing);
            var role = cells.Text(row, "role") is null ? null : cells.Code<FlowRole>(row, "role");
            var uncertainty = Uncertainty(cells, row);

            if (id is not null)
            {
                cells.UniqueId(row, "id", id);
            }

            CheckEndpoint(cells, row, "from", from, enterpriseIds);
            CheckEndpoint(cells, row, "to", to, enterpriseIds);
            if (from is not null && from == to)
            {
                cells.Error(row, "to", $"the flow starts and ends at '{from}'");
            }
            else if (from is not null && to is not null && ExternalNode.IsExternal(from) && ExternalNode.IsExternal(to))
            {
                cells.Error(row, "to", "a flow between two external nodes is outside the park; one end must be an enterprise");
            }

            Material? material = null;
            if (materialId is not null && !materials.TryGetValue(materialId, out material))
            {
                cells.Error(row, "material", $"unknown material '{materialId}' (not in materials.csv nor the catalogue)");
            }

            // A flow in another dimension than its material's is converted to the material's unit through its
            // properties (coal in GJ by its calorific value, steam in GJ by its enthalpy), and stored so.
            Quantity? stated = quantity is { } q && unit is not null ? new Quantity(q, unit) : null;
            if (material is not null && unit is not null && material.Unit.Dimension != unit.Dimension)
            {
                if (material.TryConvert(stated ?? new Quantity(1m, unit), material.Unit, out var converted, out var missing))
                {
                    stated = stated is null ? null : new Quantity(Math.Round(converted.Value, 6), material.Unit);
                    unit = material.Unit;
                }
                else
                {
                    cells.Error(row, "unit", $"'{unit.Symbol}' needs {missing} for material '{material.Id}'");
                }
            }

            if (material is not null && role is FlowRole.Fuel && material.GigajoulesPerUnit(out var noEnergy) is null)
            {
                cells.Error(row, "role", $"'fuel' needs {noEnergy} for material '{material.Id}'");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new Flow(id!, from!, to!, materialId!, stated, unit!, status!.Value, cells.Text(row, "source")) { Role = role, UncertaintyPercent = uncertainty };
        });
    }

    /// <summary>The <c>uncertainty</c> cell: a relative standard deviation in percent, written <c>5</c> or <c>5%</c>.</summary>
    private static decimal? Uncertainty(CellParser cells, TableRow row)
    {
        var raw = cells.Text(row, "uncertainty");
        if (raw is null)
        {
            return null;
        }

        var number = raw.EndsWith('%') ? raw[..^1].TrimEnd() : raw;
        if (!decimal.TryParse(number, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowExponent, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            cells.Error(row, "uncertainty", $"'{raw}' is not a number (a relative standard deviation in percent, e.g. 5 or 5%)");
            return null;
        }

        if (value < 0)
        {
            cells.Error(row, "uncertainty", $"{raw} is negative; an uncertainty is a standard deviation in percent, zero or more");
            return null;
        }

        return value;
    }

    private List<DeclaredBalance> ParseBalances(Table? table, HashSet<string> enterpriseIds, List<Flow> flows, Dictionary<string, Material> materials)
    {
        return Rows<DeclaredBalance>(table, (cells, row) =>
        {
            var id = cells.Required(row, "id");
            var enterprise = cells.Required(row, "enterprise");
            var scopeRaw = cells.Required(row, "scope");
            if (id is not null)
            {
                cells.UniqueId(row, "id", id);
            }

            if (enterprise is not null && !enterpriseIds.Contains(enterprise))
            {
                cells.Error(row, "enterprise", $"unknown enterprise '{enterprise}' (not in enterprises.csv)");
            }

            BalanceScope? scope = null;
            if (scopeRaw is not null && !BalanceScope.TryParse(scopeRaw, out scope))
            {
                cells.Error(row, "scope", $"unknown scope '{scopeRaw}' (known: {BalanceScope.Known})");
            }
            else if (scope is { Kind: BalanceScopeKind.Material } && !materials.ContainsKey(scope.MaterialId!))
            {
                cells.Error(row, "scope", $"unknown material '{scope.MaterialId}' (not in materials.csv nor the catalogue)");
                scope = null;
            }

            if (scope is not null && enterprise is not null && enterpriseIds.Contains(enterprise)
                && !flows.Any(f => f.Status == FlowStatus.Existing && (f.From == enterprise || f.To == enterprise) && scope.Includes(f, materials.GetValueOrDefault(f.MaterialId))))
            {
                cells.Error(row, "scope", $"no existing flow of '{enterprise}' is in scope '{scope}'");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new DeclaredBalance(id!, enterprise!, scope!);
        });
    }

    private static void CheckEndpoint(CellParser cells, TableRow row, string column, string? node, HashSet<string> enterpriseIds)
    {
        if (node is null)
        {
            return;
        }

        if (ExternalNode.IsExternal(node))
        {
            if (!ExternalNode.IsKnown(node))
            {
                cells.Error(row, column, $"unknown external node '{node}' (known: {string.Join(", ", ExternalNode.All)})");
            }
        }
        else if (!enterpriseIds.Contains(node))
        {
            cells.Error(row, column, $"unknown enterprise '{node}' (not in enterprises.csv)");
        }
    }

    internal List<SubstitutionRule> ParseSubstitutions(Table? table, Dictionary<string, Material> materials, IEnumerable<string> existingIds)
    {
        var reserved = existingIds.ToHashSet(StringComparer.Ordinal);

        return Rows<SubstitutionRule>(table, (cells, row) =>
        {
            var id = cells.Required(row, "id");
            var source = cells.Required(row, "source");
            var target = cells.Required(row, "target");
            var ratio = cells.Decimal(row, "ratio", PhysicalRanges.Ratio);
            var minTemperature = cells.Decimal(row, "min_temperature_c", PhysicalRanges.TemperatureC);
            var maxDistance = cells.Decimal(row, "max_distance_km", PhysicalRanges.DistanceKm);
            var co2e = cells.Decimal(row, "co2e_avoided_per_unit", PhysicalRanges.Co2ePerUnit);
            var process = cells.Text(row, "process");
            var maxShare = cells.Decimal(row, "max_share");
            var requires = cells.Text(row, "requires");
            var processingCost = cells.Decimal(row, "processing_cost_cny_per_unit", PhysicalRanges.PriceCnyPerUnit);
            if (process is not null && !ProcessCodePattern().IsMatch(process))
            {
                cells.Error(row, "process", $"'{process}' is not a process code in lowercase kebab-case (e.g. anaerobic-digestion)");
            }

            if (maxShare is { } share && (share <= 0 || share > 1))
            {
                cells.Error(row, "max_share", $"max_share {share} must be greater than 0 and at most 1 (a fraction of the consumer's input)");
            }

            if (requires is not null && !ProcessCodePattern().IsMatch(requires) && !HazardousCodePattern().IsMatch(requires))
            {
                cells.Error(row, "requires", $"'{requires}' is neither a capability code in lowercase kebab-case nor a hazardous-waste licence code (HW + two digits)");
            }
            if (id is not null && cells.UniqueId(row, "id", id) && reserved.Contains(id))
            {
                cells.Error(row, "id", $"duplicate id '{id}' (already a catalogue rule)");
            }

            if (source is not null && !materials.ContainsKey(source))
            {
                cells.Error(row, "source", $"unknown material '{source}'");
            }

            if (target is not null && !materials.ContainsKey(target))
            {
                cells.Error(row, "target", $"unknown material '{target}'");
            }

            if (ratio is null && cells.Text(row, "ratio") is null)
            {
                cells.Error(row, "ratio", "a value is required");
            }
            else if (ratio == 0)
            {
                cells.Error(row, "ratio", "ratio must be greater than zero");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new SubstitutionRule(id!, source!, target!, ratio!.Value, minTemperature, maxDistance, co2e, cells.Text(row, "reference"))
            {
                Process = process,
                MaxShare = maxShare,
                Requires = requires,
                ProcessingCostCnyPerUnit = processingCost,
                Quality = cells.Text(row, "quality"),
            };
        });
    }

    internal List<MaterialPrice> ParsePrices(Table? table, Dictionary<string, Material> materials)
    {
        return Rows<MaterialPrice>(table, (cells, row) =>
        {
            var material = cells.Required(row, "material");
            var price = cells.Decimal(row, "price_cny_per_unit", PhysicalRanges.PriceCnyPerUnit);
            if (material is not null && cells.UniqueId(row, "material", material) && !materials.ContainsKey(material))
            {
                cells.Error(row, "material", $"unknown material '{material}'");
            }

            if (price is null && cells.Text(row, "price_cny_per_unit") is null)
            {
                cells.Error(row, "price_cny_per_unit", "a value is required");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new MaterialPrice(material!, price!.Value, cells.Text(row, "source"));
        });
    }

    internal List<GateFee> ParseGateFees(Table? table, Dictionary<string, Material> materials)
    {
        return Rows<GateFee>(table, (cells, row) =>
        {
            var materialClass = cells.Required(row, "class");
            var sink = cells.Required(row, "sink");
            var fee = cells.Decimal(row, "cny_per_unit", PhysicalRanges.PriceCnyPerUnit);
            if (materialClass is not null && !materials.ContainsKey(materialClass) && !Codes<MaterialCategory>.TryParse(materialClass, out _))
            {
                cells.Error(row, "class", $"'{materialClass}' is neither a material nor a category ({string.Join(", ", Codes<MaterialCategory>.All)})");
            }

            if (sink is not null && !ExternalNode.IsKnown(sink))
            {
                cells.Error(row, "sink", $"unknown external node '{sink}' (known: {string.Join(", ", ExternalNode.All)})");
            }

            if (fee is null && cells.Text(row, "cny_per_unit") is null)
            {
                cells.Error(row, "cny_per_unit", "a value is required");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new GateFee(materialClass!, sink!, fee!.Value, cells.Text(row, "source"));
        });
    }

    private List<RetrofitProject> ParseProjects(Table? table, HashSet<string> enterpriseIds)
    {
        return Rows<RetrofitProject>(table, (cells, row) =>
        {
            var id = cells.Required(row, "id");
            var enterprise = cells.Required(row, "enterprise");
            var type = cells.Code<ProjectType>(row, "type");
            var start = cells.Date(row, "start");
            if (start is null && cells.Text(row, "start") is null)
            {
                cells.Error(row, "start", "a value is required");
            }

            var plannedEnd = cells.Date(row, "planned_end");
            var budget = cells.Decimal(row, "budget_10k_cny", PhysicalRanges.Money10kCny);
            var subsidy = cells.Decimal(row, "subsidy_10k_cny", PhysicalRanges.Money10kCny);
            var status = cells.Code<ProjectStatus>(row, "status");
            var completedOn = cells.Date(row, "completed_on");

            if (id is not null)
            {
                cells.UniqueId(row, "id", id);
            }

            if (enterprise is not null && !enterpriseIds.Contains(enterprise))
            {
                cells.Error(row, "enterprise", $"unknown enterprise '{enterprise}' (not in enterprises.csv)");
            }

            if (start is not null && plannedEnd is not null && plannedEnd < start)
            {
                cells.Error(row, "planned_end", $"planned end {plannedEnd:yyyy-MM-dd} is before the start {start:yyyy-MM-dd}");
            }

            if (start is not null && completedOn is not null && completedOn < start)
            {
                cells.Error(row, "completed_on", $"completion {completedOn:yyyy-MM-dd} is before the start {start:yyyy-MM-dd}");
            }

            if (status == ProjectStatus.Completed && completedOn is null && cells.Text(row, "completed_on") is null)
            {
                cells.Error(row, "completed_on", "a completed project needs its completion date");
            }
            else if (status is ProjectStatus.Planned or ProjectStatus.InProgress && completedOn is not null)
            {
                cells.Error(row, "completed_on", $"a project that is {Codes<ProjectStatus>.Of(status.Value)} has no completion date");
            }

            if (budget is not null && subsidy is not null && subsidy > budget)
            {
                cells.Error(row, "subsidy_10k_cny", $"subsidy {subsidy} is more than the budget {budget}");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new RetrofitProject(id!, enterprise!, type!.Value, start!.Value, plannedEnd, budget, subsidy, status!.Value, completedOn);
        });
    }

    private List<ProgressReport> ParseProgress(Table? table, List<RetrofitProject> projects)
    {
        var projectsById = projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var last = new Dictionary<string, (DateOnly Date, decimal Percent)>(StringComparer.Ordinal);

        return Rows<ProgressReport>(table, (cells, row) =>
        {
            var project = cells.Required(row, "project");
            var date = cells.Date(row, "date");
            if (date is null && cells.Text(row, "date") is null)
            {
                cells.Error(row, "date", "a value is required");
            }

            var percent = cells.Decimal(row, "percent_complete");
            if (percent is null && cells.Text(row, "percent_complete") is null)
            {
                cells.Error(row, "percent_complete", "a value is required");
            }

            var note = cells.Text(row, "note");
            if (project is not null && !projectsById.ContainsKey(project))
            {
                cells.Error(row, "project", $"unknown project '{project}' (not in projects.csv)");
            }

            if (project is not null && date is not null && percent is not null && projectsById.TryGetValue(project, out var p))
            {
                var previous = last.TryGetValue(project, out var l) ? new ProgressReport(project, l.Date, l.Percent, null) : null;
                foreach (var (field, reason) in ProgressRule.Check(p.Start, previous, date.Value, percent.Value, note))
                {
                    cells.Error(row, field, reason);
                }
            }
            else if (percent is > 100)
            {
                cells.Error(row, "percent_complete", $"{percent} is over 100");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            last[project!] = (date!.Value, percent!.Value);
            return new ProgressReport(project!, date!.Value, percent!.Value, note);
        });
    }

    private static string Describe(Dimension dimension) => dimension switch
    {
        Dimension.Mass => "mass",
        Dimension.Volume => "volume",
        _ => "energy",
    };
}
