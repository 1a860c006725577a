namespace ParkCycle.Graph;

/// <summary>Why a chain gap is listed (kebab-case on the wire).</summary>
public enum ChainGapKind
{
    /// <summary>Outputs with no park consumer that this stage would take.</summary>
    UnabsorbedOutput,

    /// <summary>A pathway needs a process no park enterprise runs: recruit that processor.</summary>
    MissingProcessor,

    /// <summary>A stage no park enterprise performs, which absorbs nothing yet.</summary>
    MissingStage,
}
