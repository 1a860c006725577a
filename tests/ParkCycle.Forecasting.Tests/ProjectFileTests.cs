using System.Text;
using ParkCycle.Domain.Datasets;

namespace ParkCycle.Forecasting.Tests;

/// <summary>Bad project and progress files get the exact expected errors, and nothing loads.</summary>
public class ProjectFileTests
{
    private static string[] ErrorsWith(string projects, string progress)
    {
        var files = DatasetWriter.ToFiles(Repo.Linxiang.Value).ToDictionary(kv => kv.Key, kv => kv.Value);
        files["projects.csv"] = Encoding.UTF8.GetBytes(projects);
        files["progress.csv"] = Encoding.UTF8.GetBytes(progress);
        var result = DatasetReader.ReadFiles(files, CatalogReader.Default);
        Assert.Null(result.Dataset);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    private const string Header = "id,enterprise,type,start,planned_end,budget_10k_cny,subsidy_10k_cny,status,completed_on\n";
    private const string ProgressHeader = "project,date,percent_complete,note\n";

    [Fact]
    public void UnknownEnterpriseAndType() => Assert.Equal(
        [
            "projects.csv:2: enterprise: unknown enterprise 'nobody' (not in enterprises.csv)",
            "projects.csv:3: type: 'paint-job' is not one of: cleaner-production-audit, cleaner-production, circular-transformation, energy-saving, relocation, closure, site-remediation",
        ],
        ErrorsWith(Header + "p1,nobody,energy-saving,2023-01-01,,,,planned,\np2,ut-chp,paint-job,2023-01-01,,,,planned,\n", ProgressHeader));

    [Fact]
    public void CompletedWithoutDateAndInProgressWithOne() => Assert.Equal(
        [
            "projects.csv:2: completed_on: a completed project needs its completion date",
            "projects.csv:3: completed_on: a project that is in-progress has no completion date",
        ],
        ErrorsWith(Header + "p1,ut-chp,energy-saving,2023-01-01,,,,completed,\np2,ut-chp,closure,2023-01-01,,,,in-progress,2023-05-01\n", ProgressHeader));

    [Fact]
    public void ProgressOutOfRangeDecreasingAndOutOfOrder() => Assert.Equal(
        [
            "progress.csv:3: percent_complete: progress fell from 50 to 40 without a note saying why",
            "progress.csv:4: percent_complete: 120 is over 100",
            "progress.csv:5: date: 2023-02-01 is earlier than the project's previous report (2023-03-01); list reports in date order",
            "progress.csv:6: percent_complete: -5 is negative; it must be zero or more",
        ],
        ErrorsWith(
            Header + "p1,ut-chp,energy-saving,2023-01-01,2024-01-01,,,in-progress,\n",
            ProgressHeader + "p1,2023-03-01,50,\np1,2023-04-01,40,\np1,2023-05-01,120,\np1,2023-02-01,60,\np1,2023-06-01,-5,\n"));
}
