using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>The programmes tracked as counts: <c>programmes.csv</c> and <c>programme_progress.csv</c>.</summary>
internal sealed partial class DatasetParser
{
    private List<Programme> ParseProgrammes(Table? table)
    {
        return Rows<Programme>(table, (cells, row) =>
        {
            var id = cells.Required(row, "id");
            var name = cells.Required(row, "name");
            var total = WholeCount(cells, row, "total");
            var due = cells.Date(row, "due");
            if (id is not null)
            {
                cells.UniqueId(row, "id", id);
            }

            if (total == 0)
            {
                cells.Error(row, "total", "a programme lists at least one item (total must be 1 or more)");
            }

            if (cells.RowFailed)
            {
                return null;
            }

            return new Programme(id!, name!, cells.Text(row, "name_en"), total!.Value, due, cells.Text(row, "source"));
        });
    }

    private List<ProgrammeProgress> ParseProgrammeProgress(Table? table, List<Programme> programmes)
    {
        var byId = programmes.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var last = new Dictionary<string, (DateOnly Date, int Completed, int Line)>(StringComparer.Ordinal);

        return Rows<ProgrammeProgress>(table, (cells, row) =>
        {
            var id = cells.Required(row, "programme");
            var date = cells.Date(row, "date");
            if (date is null && cells.Text(row, "date") is null)
            {
                cells.Error(row, "date", "a value is required");
            }

            var completed = WholeCount(cells, row, "completed");
            Programme? programme = null;
            if (id is not null && !byId.TryGetValue(id, out programme))
            {
                cells.Error(row, "programme", $"unknown programme '{id}' (not in programmes.csv)");
            }

            if (programme is not null && completed > programme.Total)
            {
                cells.Error(row, "completed", $"{completed} completed is more than the programme's total of {programme.Total}");
            }

            if (programme is not null && date is not null && completed is not null && last.TryGetValue(programme.Id, out var previous))
            {
                if (date <= previous.Date)
                {
                    cells.Error(row, "date", $"{date:yyyy-MM-dd} is not after the programme's previous count ({previous.Date:yyyy-MM-dd}); list counts in date order, one a day");
                }
                else if (completed < previous.Completed)
                {
                    cells.Error(row, "completed", $"{completed} is fewer than the {previous.Completed} counted on {previous.Date:yyyy-MM-dd}; completed is cumulative and never falls");
                }
            }

            if (cells.RowFailed)
            {
                return null;
            }

            last[id!] = (date!.Value, completed!.Value, row.Line);
            return new ProgrammeProgress(id!, date!.Value, completed!.Value, cells.Text(row, "source"));
        });
    }

    /// <summary>A required count: a whole number, zero or more; adds the error and gives null otherwise.</summary>
    private static int? WholeCount(CellParser cells, TableRow row, string column)
    {
        if (cells.Text(row, column) is null)
        {
            cells.Error(row, column, "a value is required");
            return null;
        }

        if (cells.Decimal(row, column) is not { } value)
        {
            return null;
        }

        if (value != decimal.Truncate(value) || value > int.MaxValue)
        {
            cells.Error(row, column, $"{value} is not a whole number of items");
            return null;
        }

        return (int)value;
    }
}
