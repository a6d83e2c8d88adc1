#!/usr/bin/env bash
# Seeds N generated people (default 1,000,000) into a fresh embedded cluster and reports the time.
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000000}
DATA=$(mktemp -d /tmp/jumys-seed-XXXX); chmod 755 "$DATA"
export DATA_DIR=$DATA EMBEDDED_PG_PORT=54391
npx jumys db migrate
/usr/bin/time -f "wall %e s, max RSS %M KB" npx jumys seed --people "$PEOPLE" --orgs $((PEOPLE / 50)) --seed 1
echo "again with the same seed (must add nothing):"
npx jumys seed --people "$PEOPLE" --orgs $((PEOPLE / 50)) --seed 1
rm -rf "$DATA"
