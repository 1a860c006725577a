namespace ParkCycle.Server.Api;

/// <summary>An endpoint's request-body limit in bytes (metadata read by <see cref="RequestGuard"/>).</summary>
public sealed record BodyLimit(long Bytes)
{
    /// <summary>Every endpoint without a limit of its own: 64 KiB, ample for a report, a login or an account.</summary>
    public const long DefaultBytes = 64 * 1024;

    /// <summary>A dataset upload (zip, JSON or xlsx): 32 MiB.</summary>
    public const long DatasetBytes = 32 * 1024 * 1024;
}
