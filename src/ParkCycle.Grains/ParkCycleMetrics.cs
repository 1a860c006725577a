using System.Diagnostics.Metrics;

namespace ParkCycle.Grains;

/// <summary>ParkCycle's own metrics (meter <c>ParkCycle</c>): reports accepted and rejected, analysis duration, snapshot version.</summary>
public sealed class ParkCycleMetrics : IDisposable
{
    public const string MeterName = "ParkCycle";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _analysis;
    private long _lastVersion;

    public ParkCycleMetrics(IMeterFactory factory)
    {
        _meter = factory.Create(MeterName);
        _accepted = _meter.CreateCounter<long>("parkcycle.reports.accepted", description: "Byproduct and need reports accepted (durable)");
        _rejected = _meter.CreateCounter<long>("parkcycle.reports.rejected", description: "Byproduct and need reports rejected by validation");
        _analysis = _meter.CreateHistogram<double>("parkcycle.analysis.duration", unit: "ms", description: "Park analysis duration");
        _meter.CreateObservableGauge("parkcycle.snapshot.version", () => Interlocked.Read(ref _lastVersion), description: "Latest park snapshot version");
    }

    public void Report(bool accepted, string kind) => (accepted ? _accepted : _rejected).Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void AnalysisDuration(double ms) => _analysis.Record(ms);

    public void SnapshotVersion(string park, long version) => Interlocked.Exchange(ref _lastVersion, version);

    public void Dispose() => _meter.Dispose();
}
