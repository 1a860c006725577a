#!/usr/bin/env bash
# Starts the local PostgreSQL 15 that the ParkCycle cluster (and its test) uses, creating the role and the
# database when absent. Idempotent; needs root (installs postgresql with apt-get when missing).
# Connection string: Host=127.0.0.1;Port=5432;Username=parkcycle;Password=parkcycle;Database=parkcycle
# --schema also applies ParkCycle's Orleans schema with psql, as role parkcycle (silos apply the same script
# themselves when they start; this is for operators who want it in place, or reviewed, beforehand).
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
name=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
if [ -z "${version}" ]; then
  pg_createcluster 15 main >/dev/null
  version=15; name=main
fi
pg_ctlcluster "$version" "$name" start 2>/dev/null || true
for _ in $(seq 1 30); do
  if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='parkcycle'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role parkcycle login password 'parkcycle'\""
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='parkcycle'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create database parkcycle owner parkcycle\""
if [ "${1:-}" = "--schema" ]; then
  script="$(cd "$(dirname "$0")/.." && pwd)/src/ParkCycle.Grains/Storage/Postgres/orleans-postgres.sql"
  # One transaction (-1), as the script requires; as parkcycle so that the tables belong to the role the silos use.
  PGPASSWORD=parkcycle PGOPTIONS="-c client_min_messages=warning" \
    psql -h 127.0.0.1 -U parkcycle -d parkcycle -v ON_ERROR_STOP=1 -q -1 -f "$script" >/dev/null
  echo "postgres-up: Orleans schema applied ($script)"
fi
echo "postgres-up: PostgreSQL $version/$name ready on 127.0.0.1:5432 (database parkcycle)"
