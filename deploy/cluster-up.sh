#!/usr/bin/env bash
# Starts a local three-silo ParkCycle cluster on 127.0.0.1 sharing PostgreSQL (membership and grain state).
# Silo i listens on 11111+i (silo-to-silo) and 30000+i (gateway). Logs and PIDs go to deploy/.run/.
# Stop it with deploy/cluster-down.sh. Needs root the first time (postgres-up.sh installs/starts PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/postgres-up.sh
dotnet build src/ParkCycle.Silo -c Release -v q -nologo >/dev/null
mkdir -p deploy/.run
conn="${PARKCYCLE_POSTGRES:-Host=127.0.0.1;Port=5432;Username=parkcycle;Password=parkcycle;Database=parkcycle;Maximum Pool Size=20}"
for i in 0 1 2; do
  ParkCycle__Store=postgres ParkCycle__Postgres="$conn" ParkCycle__ClusterId=parkcycle-local \
  ParkCycle__SiloPort=$((11111 + i)) ParkCycle__GatewayPort=$((30000 + i)) \
  ParkCycle__SeedDataset="$([ "$i" = 0 ] && echo seeds/linxiang || echo '')" \
    nohup dotnet src/ParkCycle.Silo/bin/Release/net10.0/ParkCycle.Silo.dll >"deploy/.run/silo$i.log" 2>&1 &
  echo $! >"deploy/.run/silo$i.pid"
  echo "silo $i: pid $(cat deploy/.run/silo$i.pid), ports $((11111 + i))/$((30000 + i)), log deploy/.run/silo$i.log"
done
