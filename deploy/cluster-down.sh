#!/usr/bin/env bash
# Stops the silos started by deploy/cluster-up.sh (SIGTERM: each silo leaves the cluster gracefully).
set -euo pipefail
cd "$(dirname "$0")/.."
for pidfile in deploy/.run/silo*.pid; do
  [ -e "$pidfile" ] || continue
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
done
echo "cluster stopped"
