using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>One retrofit or clean-up project and its progress reports, validated as progress.csv is.</summary>
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

        var errors = new List<FieldError>();
        if (update.PercentComplete is < 0 or > 100)
        {
            errors.Add(new FieldError("percent_complete", $"{update.PercentComplete} is not between 0 and 100"));
        }

        if (update.Date < project.Start)
        {
            errors.Add(new FieldError("date", $"{update.Date:yyyy-MM-dd} is before the project's start {project.Start:yyyy-MM-dd}"));
        }

        if (project.Progress.Count > 0 && project.Progress[^1] is { } last)
        {
            if (update.Date < last.Date)
            {
                errors.Add(new FieldError("date", $"{update.Date:yyyy-MM-dd} is earlier than the previous report ({last.Date:yyyy-MM-dd})"));
            }
            else if (update.PercentComplete < last.PercentComplete && string.IsNullOrWhiteSpace(update.Note))
            {
                errors.Add(new FieldError("percent_complete", $"progress fell from {last.PercentComplete} to {update.PercentComplete} without a note saying why"));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        state.State.Project = project with
        {
            Progress = [.. project.Progress, update],
            Status = update.PercentComplete == 100 ? "completed" : project.Status == "planned" ? "in-progress" : project.Status,
            CompletedOn = update.PercentComplete == 100 ? update.Date : project.CompletedOn,
        };
        await state.WriteStateAsync();
        return [];
    }

    public Task<ProjectInfo?> GetAsync() => Task.FromResult(state.State.Project);
}
