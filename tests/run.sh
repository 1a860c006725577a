#!/usr/bin/env bash
# Runs every ParkCycle test on a fresh machine: installs what the tests need (as root, from Debian's
# packages), builds the solution and runs `dotnet test`, then prints one closing line
# "Tests: N passed, N failed". Exit code: dotnet test's.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Browser tests drive Debian's Chromium (never a downloaded browser).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
# Chinese labels in screenshots need a CJK font.
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
# The cluster tests run against a local PostgreSQL.
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "tests/run.sh: installing ${need_apt[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "tests/run.sh: not root, cannot install ${need_apt[*]}; the tests that need them will fail" >&2
  fi
fi

if [ -x deploy/postgres-up.sh ]; then
  bash deploy/postgres-up.sh
fi

log=$(mktemp)
set +e
dotnet test ParkCycle.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# dotnet test's per-assembly summaries ("Passed: 12", "Failed: 1"); none of a kind means zero.
passed=$( (grep -Eo '^ +Passed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -Eo '^ +Failed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: ${passed} passed, ${failed} failed"
exit "$rc"
