namespace ParkCycle.Domain.Datasets;

/// <summary>An archive broke one of its <see cref="ArchiveLimits"/>; reading stopped at once, and nothing was kept.</summary>
public sealed class ArchiveTooLargeException(string message) : Exception(message);
