using System.CommandLine;
using ParkCycle.Domain.Datasets;

namespace ParkCycle.Cli.Commands;

/// <summary><c>parkcycle validate &lt;dataset&gt;</c>: prints every problem; exit 1 on errors, 0 when valid.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.DatasetArgument();
        var json = CommonOptions.Json();
        var catalogOption = CommonOptions.Catalog();
        var command = new Command("validate", "check a dataset and print every problem (file:line: column: reason)")
        {
            dataset, json, catalogOption,
        };
        command.SetAction(parse =>
        {
            var catalog = CommonOptions.LoadCatalog(parse.GetValue(catalogOption));
            if (catalog is null)
            {
                return ExitCodes.InvalidInput;
            }

            var result = DatasetReader.Read(parse.GetValue(dataset)!, catalog);
            var errors = result.Errors.Count();
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(new
                {
                    valid = result.IsValid,
                    errors,
                    warnings = result.Warnings.Count(),
                    problems = result.Problems.Select(p => new { file = p.File, line = p.Line, column = p.Column, reason = p.Reason, severity = p.Severity }),
                });
            }
            else
            {
                foreach (var problem in result.Problems)
                {
                    Console.Out.WriteLine(problem);
                }

                Console.Out.WriteLine(result.IsValid
                    ? $"valid: {result.Dataset!.Enterprises.Count} enterprises, {result.Dataset.Flows.Count} flows ({result.Warnings.Count()} warning(s))"
                    : $"invalid: {errors} error(s); nothing was loaded");
            }

            return result.IsValid ? ExitCodes.Ok : ExitCodes.InvalidInput;
        });
        return command;
    }
}
