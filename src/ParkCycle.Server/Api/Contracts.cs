namespace ParkCycle.Server.Api;

/// <summary><c>POST /api/auth/token</c> body.</summary>
public sealed record TokenRequest(string? Username, string? Password);

/// <summary>A bearer token and who it is for.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, string Role, string? Enterprise);

/// <summary><c>POST /api/accounts</c> body (administrators only).</summary>
public sealed record AccountRequest(string? Username, string? Password, string? Role, string? Enterprise);

/// <summary><c>POST /api/enterprises/{id}/offers</c> body: a byproduct available.</summary>
public sealed record OfferRequest(string? Material, decimal? Quantity, string? Unit, string? Period, DateOnly? AvailableFrom, DateOnly? AvailableTo, string? QualityNotes, decimal? PriceCnyPerUnit, string? Visibility);

/// <summary><c>POST /api/enterprises/{id}/needs</c> body: a material needed.</summary>
public sealed record NeedRequest(string? Material, decimal? Quantity, string? Unit, string? Period, DateOnly? NeededBy, string? Notes);

/// <summary>A page of a list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>
/// A match as a user may see it: the counterpart is named to administrators and investment staff, and to an
/// enterprise only once both sides have agreed to connect (<see cref="ConnectionId"/>, an opaque handle valid for
/// the enterprise the report was made for, and only for it).
/// </summary>
public sealed record MatchView(string Counterpart, string? CounterpartZone, string SourceMaterial, string ReplacedMaterial, decimal? Quantity, string Unit, decimal? DistanceKm, decimal? Co2eAvoidedT, string ConnectionId, bool Connected);

/// <summary><c>POST /api/enterprises/{id}/connections</c> body: agree to connect on a proposed match.</summary>
public sealed record ConnectRequest(string? ConnectionId);

/// <summary>The answer to an accepted report.</summary>
public sealed record ReportAccepted(string ReportId, int Version, bool Duplicate, IReadOnlyList<MatchView> Matches);
