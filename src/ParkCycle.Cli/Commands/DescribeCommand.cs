using System.CommandLine;

namespace ParkCycle.Cli.Commands;

/// <summary><c>parkcycle describe &lt;dataset&gt;</c>: counts, totals by category and zone, and each enterprise's balance.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.DatasetArgument();
        var json = CommonOptions.Json();
        var catalogOption = CommonOptions.Catalog();
        var command = new Command("describe", "summarise a dataset: counts, totals by material category and zone, enterprise balances")
        {
            dataset, json, catalogOption,
        };
        command.SetAction(parse =>
        {
            var park = CommonOptions.LoadDataset(parse.GetValue(dataset)!, parse.GetValue(catalogOption));
            if (park is null)
            {
                return ExitCodes.InvalidInput;
            }

            var description = DatasetDescription.Of(park);
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(description);
            }
            else
            {
                description.WriteText(Console.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
