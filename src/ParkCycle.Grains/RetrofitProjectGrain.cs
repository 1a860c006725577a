using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>One retrofit or clean-up project and its progress reports, validated by the same rule as progress.csv (<see cref="ProgressRule"/>).</summary>
public sealed class RetrofitProjectGrain(
    [PersistentState("project", GrainStorage.Name)] IPersistentState<ProjectState> state) : Grain, IRetrofitProjectGrain
{
    public async Task RegisterAsync(ProjectInfo project)
    {
        state.State.Project = project;
        await state.WriteStateAsync();
    }

    public async Task<IReadOnlyList<FieldError>> ReportProgressAsync(ProgressUpdate update)
    {
        if (state.State.Project is not { } project)
        {
            return [new FieldError("project", $"unknown project '{this.GetPrimaryKeyString()}'")];
        }

        var previous = project.Progress.Count > 0 && project.Progress[^1] is { } last ? new ProgressReport(project.Id, last.Date, last.PercentComplete, last.Note) : null;
        var errors = ProgressRule.Check(project.Start, previous, update.Date, update.PercentComplete, update.Note)
            .Select(e => new FieldError(e.Field, e.Reason)).ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        state.State.Project = project with
        {
            Progress = [.. project.Progress, update],
            Status = update.PercentComplete == 100 ? ProjectStatus.Completed : project.Status == ProjectStatus.Planned ? ProjectStatus.InProgress : project.Status,
            CompletedOn = update.PercentComplete == 100 ? update.Date : project.CompletedOn,
        };
        await state.WriteStateAsync();
        return [];
    }

    public Task<ProjectInfo?> GetAsync() => Task.FromResult(state.State.Project);
}
