namespace ParkCycle.Domain.Datasets;

/// <summary>
/// The dataset format v1 (docs/dataset-format.md). Column names are a contract with users' spreadsheets
/// and other tools: extend, never rename.
/// </summary>
public static class DatasetSchema
{
    /// <summary>The manifest's file name in a dataset directory (id, name, reference year, description, provenance).</summary>
    public const string ManifestFile = "dataset.json";

    /// <summary><c>zones.csv</c>, required: the park's zones.</summary>
    public static readonly TableSpec Zones = new("zones", true,
    [
        new("id", Required: true), new("name", Required: true), new("name_en"),
    ]);

    /// <summary><c>enterprises.csv</c>, required: one row per enterprise; blank figures are unknown, money in 10k CNY, energy use in tce per year.</summary>
    public static readonly TableSpec Enterprises = new("enterprises", true,
    [
        new("id", Required: true), new("name", Required: true), new("name_en"), new("zone", Required: true),
        new("chains", ColumnKind.List, Required: true), new("sector"), new("lat", ColumnKind.Number), new("lon", ColumnKind.Number),
        new("status", Required: true), new("output_value_10k_cny", ColumnKind.Number), new("energy_tce", ColumnKind.Number),
        new("above_size", ColumnKind.Boolean), new("source"),
        new("value_added_10k_cny", ColumnKind.Number, OmitWhenBlank: true),
        new("capabilities", ColumnKind.List, OmitWhenBlank: true), new("licences", ColumnKind.List, OmitWhenBlank: true), new("end_date", OmitWhenBlank: true),
        new("recirculated_water_m3", ColumnKind.Number, OmitWhenBlank: true),
        new("new_energy_capacity_mw", ColumnKind.Number, OmitWhenBlank: true), new("new_energy_type", OmitWhenBlank: true),
        new("balance_exempt", OmitWhenBlank: true),
    ]);

    /// <summary><c>materials.csv</c>, optional: the dataset's own materials, with their category, unit and conversion properties.</summary>
    public static readonly TableSpec Materials = new("materials", false,
    [
        new("id", Required: true), new("name", Required: true), new("name_en"), new("category", Required: true),
        new("unit", Required: true), new("temperature_c", ColumnKind.Number), new("hazardous_code"),
        new("density_t_per_m3", ColumnKind.Number, OmitWhenBlank: true), new("lhv_gj_per_unit", ColumnKind.Number, OmitWhenBlank: true), new("tce_per_unit", ColumnKind.Number, OmitWhenBlank: true),
        new("co2_t_per_unit", ColumnKind.Number, OmitWhenBlank: true), new("fossil", ColumnKind.Boolean, OmitWhenBlank: true), new("feedstock", ColumnKind.Boolean, OmitWhenBlank: true),
        new("pressure_mpa", ColumnKind.Number, OmitWhenBlank: true), new("enthalpy_gj_per_t", ColumnKind.Number, OmitWhenBlank: true), new("catalog_id", OmitWhenBlank: true),
        new("lhv_gj_per_m3", ColumnKind.Number, OmitWhenBlank: true), new("source", OmitWhenBlank: true),
    ]);

    /// <summary><c>flows.csv</c>, required: annual flows between enterprises and external nodes; a blank quantity is unknown, a blank status existing.</summary>
    public static readonly TableSpec Flows = new("flows", true,
    [
        new("id", Required: true), new("from", Required: true), new("to", Required: true), new("material", Required: true),
        new("quantity", ColumnKind.Number), new("unit", Required: true), new("status"), new("source"),
        new("role", OmitWhenBlank: true),
        new("uncertainty", OmitWhenBlank: true),
    ]);

    /// <summary><c>substitutions.csv</c>, optional: the dataset's own substitution rules (source replaces target at a ratio), added to the catalogue's.</summary>
    public static readonly TableSpec Substitutions = new("substitutions", false,
    [
        new("id", Required: true), new("source", Required: true), new("target", Required: true), new("ratio", ColumnKind.Number, Required: true),
        new("min_temperature_c", ColumnKind.Number), new("max_distance_km", ColumnKind.Number),
        new("co2e_avoided_per_unit", ColumnKind.Number), new("reference"),
        new("process", OmitWhenBlank: true), new("max_share", ColumnKind.Number, OmitWhenBlank: true), new("requires", OmitWhenBlank: true),
        new("processing_cost_cny_per_unit", ColumnKind.Number, OmitWhenBlank: true), new("quality", OmitWhenBlank: true),
    ]);

    /// <summary><c>projects.csv</c>, optional: retrofit and clean-up projects; money in 10k CNY.</summary>
    public static readonly TableSpec Projects = new("projects", false,
    [
        new("id", Required: true), new("enterprise", Required: true), new("type", Required: true), new("start", Required: true),
        new("planned_end"), new("budget_10k_cny", ColumnKind.Number), new("subsidy_10k_cny", ColumnKind.Number),
        new("status", Required: true), new("completed_on"),
    ]);

    /// <summary><c>progress.csv</c>, optional: a project's percent complete (0–100) on a date.</summary>
    public static readonly TableSpec Progress = new("progress", false,
    [
        new("project", Required: true), new("date", Required: true), new("percent_complete", ColumnKind.Number, Required: true), new("note"),
    ]);

    /// <summary>Programmes tracked as counts (riverside relocation, clean-up lists); optional.</summary>
    public static readonly TableSpec Programmes = new("programmes", false,
    [
        new("id", Required: true), new("name", Required: true), new("name_en"), new("total", ColumnKind.Number, Required: true),
        new("due"), new("source"),
    ]);

    /// <summary>Cumulative completions of each programme by date; optional.</summary>
    public static readonly TableSpec ProgrammeProgress = new("programme_progress", false,
    [
        new("programme", Required: true), new("date", Required: true), new("completed", ColumnKind.Number, Required: true), new("source"),
    ]);

    /// <summary>Process streams for pinch analysis (heat integration, 能源梯级利用); optional.</summary>
    public static readonly TableSpec HeatStreams = new("heat_streams", false,
    [
        new("id", Required: true), new("enterprise", Required: true), new("kind", Required: true),
        new("supply_temperature_c", ColumnKind.Number, Required: true), new("target_temperature_c", ColumnKind.Number, Required: true),
        new("cp_kw_per_k", ColumnKind.Number), new("duty_kw", ColumnKind.Number), new("hours_per_year", ColumnKind.Number),
        new("dt_contribution_c", ColumnKind.Number), new("source"),
    ]);

    /// <summary>Balances an enterprise's flows must satisfy, for reconciliation; scope is mass, energy, water or material:&lt;id&gt;.</summary>
    public static readonly TableSpec Balances = new("balances", false,
    [
        new("id", Required: true), new("enterprise", Required: true), new("scope", Required: true),
    ]);

    /// <summary>Purchase prices that override the catalogue's (<c>prices.csv</c>; also the catalogue's own table).</summary>
    public static readonly TableSpec Prices = new("prices", false,
    [
        new("material", Required: true), new("price_cny_per_unit", ColumnKind.Number, Required: true), new("source"),
    ]);

    /// <summary>Disposal gate fees by material class and sink; a catalogue table only (<c>seeds/catalog/gate_fees.csv</c>).</summary>
    public static readonly TableSpec GateFees = new("gate_fees", false,
    [
        new("class", Required: true), new("sink", Required: true), new("cny_per_unit", ColumnKind.Number, Required: true), new("source"),
    ]);

    /// <summary>The tables in the order they are read, validated and written.</summary>
    public static IReadOnlyList<TableSpec> Tables { get; } = [Zones, Enterprises, Materials, Flows, Substitutions, Projects, Progress, Programmes, ProgrammeProgress, HeatStreams, Balances, Prices];
}
