-- ParkCycle's PostgreSQL schema for Orleans' ADO.NET providers (Microsoft.Orleans.Clustering.AdoNet,
-- .Persistence.AdoNet, .Reminders.AdoNet; invariant "Npgsql").
--
-- The providers know only two things about the database: they read their statements from OrleansQuery by key,
-- and they bind parameters and read result columns by name. Everything behind those statements (table names,
-- keys, indexes) is ParkCycle's own, written for PostgreSQL 13+.
--
-- Idempotent: run it as ONE transaction (silos do so before membership starts; operators may use
-- `psql -1 -f`). The advisory lock below makes silos that start together on an empty database take turns,
-- since concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalogue. Re-running replaces the
-- statement text, so a newer ParkCycle updates the queries of an existing database.
--
-- Unquoted identifiers fold to lower case; the providers look result columns up case-insensitively.

SELECT pg_advisory_xact_lock(hashtext('parkcycle:orleans-schema'));

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

-- Membership. DeploymentId is Orleans' ClusterId. The version row is the cluster's optimistic lock: every
-- membership change must name the version it read and advances it by one; heartbeats (IAmAliveTime) do not.
CREATE TABLE IF NOT EXISTS orleans_cluster_version (
    DeploymentId text PRIMARY KEY,
    Version      integer NOT NULL DEFAULT 0,
    ChangedAt    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_cluster_member (
    DeploymentId text NOT NULL REFERENCES orleans_cluster_version (DeploymentId) ON DELETE CASCADE,
    Address      text NOT NULL,
    Port         integer NOT NULL,
    Generation   integer NOT NULL,
    SiloName     text NOT NULL,
    HostName     text NOT NULL,
    Status       integer NOT NULL,
    ProxyPort    integer NOT NULL DEFAULT 0,
    SuspectTimes text,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Grain state. A grain is identified by service, state type and key (two 64-bit halves plus an optional string
-- extension); the two hashes the provider computes lead the unique index so lookups compare integers first,
-- and the remaining columns make it exact where hashes collide. PayloadBinary is NULL after a clear.
CREATE TABLE IF NOT EXISTS orleans_grain_state (
    ServiceId              text    NOT NULL,
    GrainTypeString        text    NOT NULL,
    GrainIdN0              bigint  NOT NULL,
    GrainIdN1              bigint  NOT NULL,
    GrainIdExtensionString text,
    GrainIdHash            integer NOT NULL,
    GrainTypeHash          integer NOT NULL,
    PayloadBinary          bytea,
    Version                integer NOT NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity ON orleans_grain_state
    (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, (coalesce(GrainIdExtensionString, '')));

-- Reminders. GrainHash is the grain's uniform hash as a signed integer; each silo reads the reminders of its
-- slice of the hash ring. Period is in milliseconds.
CREATE TABLE IF NOT EXISTS orleans_reminder (
    ServiceId    text    NOT NULL,
    GrainId      text    NOT NULL,
    ReminderName text    NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint  NOT NULL,
    GrainHash    integer NOT NULL,
    Version      integer NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_ring ON orleans_reminder (ServiceId, GrainHash);

-- ParkCycle's own: the append-only history of enterprises' report versions (PostgresReportJournal). A report
-- appends one row; the enterprise's grain state keeps no history.
CREATE TABLE IF NOT EXISTS parkcycle_report_history (
    seq        bigserial PRIMARY KEY,
    service_id text    NOT NULL,
    enterprise text    NOT NULL,
    report_id  text    NOT NULL,
    version    integer NOT NULL,
    data       bytea   NOT NULL,
    UNIQUE (service_id, enterprise, report_id, version)
);

CREATE INDEX IF NOT EXISTS parkcycle_report_history_enterprise ON parkcycle_report_history (service_id, enterprise, seq);

-- The statements. Queries that report success return one boolean row; queries that return a new ETag return it
-- in the column the provider reads (Version, NewGrainStateVersion) and return no row when the ETag was stale.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Membership ---------------------------------------------------------------------------------------------------

('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_cluster_version (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1)
SELECT count(*) > 0 FROM created
$q$),

-- A join counts only if the cluster is still at the version the silo read. Locking the version row makes a
-- concurrent change wait; after it commits, the version no longer matches, nothing is inserted, and the silo
-- reads again.
('InsertMembershipKey', $q$
WITH expected AS (
    SELECT DeploymentId FROM orleans_cluster_version
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE),
joined AS (
    INSERT INTO orleans_cluster_member
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM expected
    ON CONFLICT DO NOTHING
    RETURNING DeploymentId),
advanced AS (
    UPDATE orleans_cluster_version v SET Version = v.Version + 1, ChangedAt = now()
    FROM joined WHERE v.DeploymentId = joined.DeploymentId
    RETURNING 1)
SELECT count(*) > 0 FROM advanced
$q$),

-- Same protocol as a join: the member's status and suspicions change only together with the version.
('UpdateMembershipKey', $q$
WITH expected AS (
    SELECT DeploymentId FROM orleans_cluster_version
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE),
changed AS (
    UPDATE orleans_cluster_member m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM expected
    WHERE m.DeploymentId = expected.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING m.DeploymentId),
advanced AS (
    UPDATE orleans_cluster_version v SET Version = v.Version + 1, ChangedAt = now()
    FROM changed WHERE v.DeploymentId = changed.DeploymentId
    RETURNING 1)
SELECT count(*) > 0 FROM advanced
$q$),

-- Heartbeats are not membership changes: no version check, no version bump.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_cluster_member SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$q$),

-- Both reads return the version row even when no member matches (the member columns are then NULL), and read
-- version and members in one statement, hence one snapshot.
('MembershipReadRowKey', $q$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM orleans_cluster_version v
LEFT JOIN orleans_cluster_member m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM orleans_cluster_version v
LEFT JOIN orleans_cluster_member m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$q$),

('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation FROM orleans_cluster_member
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$q$),

-- The members go with the version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_cluster_version WHERE DeploymentId = @DeploymentId
$q$),

-- Any member that is not Active (SiloStatus 3) and has not sent a heartbeat since the cut-off.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_cluster_member
WHERE DeploymentId = @DeploymentId AND Status <> 3 AND IAmAliveTime < @IAmAliveTime
$q$),

-- Grain state --------------------------------------------------------------------------------------------------

('ReadFromStorageKey', $q$
SELECT PayloadBinary, Version FROM orleans_grain_state
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND coalesce(GrainIdExtensionString, '') = coalesce(@GrainIdExtensionString, '')
$q$),

-- A grain without an ETag may only create its row; a grain with one may only replace the row still at that
-- version. Either way a stale writer gets no row back, which the provider turns into InconsistentStateException.
-- The version wraps before integer overflow: an ETag only has to differ from the one before it.
('WriteToStorageKey', $q$
WITH replaced AS (
    UPDATE orleans_grain_state
    SET PayloadBinary = @PayloadBinary, ModifiedOn = now(),
        Version = CASE WHEN Version = 2147483647 THEN 1 ELSE Version + 1 END
    WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
      AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND coalesce(GrainIdExtensionString, '') = coalesce(@GrainIdExtensionString, '')
    RETURNING Version),
created AS (
    INSERT INTO orleans_grain_state
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash,
         PayloadBinary, Version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @GrainIdHash,
           @GrainTypeHash, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version)
SELECT Version AS NewGrainStateVersion FROM replaced
UNION ALL
SELECT Version FROM created
$q$),

-- Clearing keeps the row (and so the version sequence) with no payload.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
SET PayloadBinary = NULL, ModifiedOn = now(),
    Version = CASE WHEN Version = 2147483647 THEN 1 ELSE Version + 1 END
WHERE Version = @GrainStateVersion
  AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND coalesce(GrainIdExtensionString, '') = coalesce(@GrainIdExtensionString, '')
RETURNING Version
$q$),

-- Used instead of ClearStorageKey when the storage options set DeleteStateOnClear; returns a value that differs
-- from the deleted row's ETag, as the provider's stale check expects.
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
WHERE Version = @GrainStateVersion
  AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND coalesce(GrainIdExtensionString, '') = coalesce(@GrainIdExtensionString, '')
RETURNING Version::bigint + 1
$q$),

-- Reminders ----------------------------------------------------------------------------------------------------

('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
    Version = r.Version + 1
RETURNING Version
$q$),

('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version FROM orleans_reminder
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$q$),

('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version FROM orleans_reminder
WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$q$),

-- A slice of the ring that does not wrap past the largest hash: (begin, end].
('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version FROM orleans_reminder
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$q$),

-- A slice that wraps: everything after begin, and everything up to end.
('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version FROM orleans_reminder
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$q$),

('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminder
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1)
SELECT count(*) > 0 FROM removed
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder WHERE ServiceId = @ServiceId
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
