using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>The persisted state of a proposed connection.</summary>
[GenerateSerializer]
public sealed class ConnectionState
{
    [Id(0)]
    public Connection? Connection { get; set; }
}

/// <summary>One proposed connection between an offer and a need; each side's agreement is durable before it is acknowledged.</summary>
public sealed class ConnectionGrain(
    [PersistentState("connection", GrainStorage.Name)] IPersistentState<ConnectionState> state) : Grain, IConnectionGrain
{
    public async Task<Connection?> AgreeAsync(string supplier, string consumer, string enterprise)
    {
        var parts = this.GetPrimaryKeyString().Split('|');
        var current = state.State.Connection ?? new Connection(parts[0], parts[1], supplier, consumer, false, false);
        if (enterprise != current.Supplier && enterprise != current.Consumer)
        {
            return null;
        }

        state.State.Connection = current with
        {
            SupplierAgreed = current.SupplierAgreed || enterprise == current.Supplier,
            ConsumerAgreed = current.ConsumerAgreed || enterprise == current.Consumer,
        };
        await state.WriteStateAsync();
        return state.State.Connection;
    }

    public Task<Connection?> GetAsync() => Task.FromResult(state.State.Connection);
}
