#!/usr/bin/env bash
# Time from `npm start` to the first served page, on an empty data folder (first start: initdb, migrations,
# reference data, demo accounts, web build) and again on the same folder (a normal restart).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d /tmp/jumys-start-XXXX); chmod 755 "$DATA"
PORT=${PORT:-3900}
measure() {
  local started=$(date +%s%N)
  DATA_DIR=$DATA PORT=$PORT EMBEDDED_PG_PORT=54390 LOG_LEVEL=warn npm start >/tmp/jumys-start.log 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$PORT/" >/dev/null; do sleep 0.05; done
  echo "$1: $(( ($(date +%s%N) - started) / 1000000 )) ms to the first served page"
  kill -TERM $(pgrep -f "DATA_DIR=$DATA" || true) 2>/dev/null || true
  pkill -TERM -f "tsx src/main.ts" || true
  wait $pid 2>/dev/null || true
  sleep 1
}
measure "first start (empty data folder)"
measure "restart (existing data folder)"
rm -rf "$DATA"
