#!/usr/bin/env bash
# The load scenario (Gatling) against the whole local shop, through the edge, on loopback only.
# It starts the packaged shop on its own fresh data folder, waits until it is ready, runs the simulation, stops the shop
# it started and prints where the HTML report is. Run it from anywhere after a build:
#   ./mvnw -B -q -DskipTests package
#   deploy/load/run.sh                         # the full profile: ramp, steady, spike, recovery (under 5 minutes)
#   deploy/load/run.sh --smoke                 # a 1-minute version of the same profile
#   deploy/load/run.sh --scale order=2 --scale cart=2
#   deploy/load/run.sh --target http://127.0.0.1:8080   # an already running ./shop (not started or stopped here)
# deploy/load/run.sh --help lists every option. See deploy/load/README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

usage() {
  cat <<'EOF'
Usage: deploy/load/run.sh [options]
  --scale SERVICE=N    passed on to the shop: N instances of account, cart, order or catalog (repeatable)
  --target URL         run against a shop that is already running (loopback only); nothing is started or stopped
  --port N             edge port of the shop started here (default 18080); also --pg-port (25432), --s3-port (29000)
  --smoke              short profile: rate 2/s, 10 s ramp, 20 s steady, 10 s spike, 10 s recovery, think time x0.2
  --rate R             shoppers arriving per second in the steady phase (default 4)
  --spike-factor F     arrivals during the spike = rate x F (default 4)
  --ramp D, --steady D, --spike D, --recovery D
                       phase lengths, e.g. 60s or 2m (defaults 45s, 75s, 30s, 45s)
  --think-time F       scales every pause of the shoppers (default 1)
  --accounts N         accounts made before the run for returning buyers (default: one per returning buyer
                       the profile sends, plus a fifth; at least 30)
  --help               this text
The run fails (non-zero exit) when 1 % or more of the requests (overall or in any group) fail, no order was
placed, or a service of the shop started here stopped during the run.
EOF
}

TARGET=""
EDGE_PORT=18080
PG_PORT=25432
S3_PORT=29000
SCALE=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE+=(--scale "$2"); shift 2 ;;
    --scale=*) SCALE+=(--scale "${1#--scale=}"); shift ;;
    --target) TARGET=$2; shift 2 ;;
    --port) EDGE_PORT=$2; shift 2 ;;
    --pg-port) PG_PORT=$2; shift 2 ;;
    --s3-port) S3_PORT=$2; shift 2 ;;
    --smoke)
      export LOAD_RATE=${LOAD_RATE:-2} LOAD_RAMP=${LOAD_RAMP:-10s} LOAD_STEADY=${LOAD_STEADY:-20s}
      export LOAD_SPIKE=${LOAD_SPIKE:-10s} LOAD_RECOVERY=${LOAD_RECOVERY:-10s} LOAD_THINK_TIME=${LOAD_THINK_TIME:-0.2}
      export LOAD_ACCOUNTS=${LOAD_ACCOUNTS:-10}
      shift ;;
    --rate) export LOAD_RATE=$2; shift 2 ;;
    --spike-factor) export LOAD_SPIKE_FACTOR=$2; shift 2 ;;
    --ramp) export LOAD_RAMP=$2; shift 2 ;;
    --steady) export LOAD_STEADY=$2; shift 2 ;;
    --spike) export LOAD_SPIKE=$2; shift 2 ;;
    --recovery) export LOAD_RECOVERY=$2; shift 2 ;;
    --think-time) export LOAD_THINK_TIME=$2; shift 2 ;;
    --accounts) export LOAD_ACCOUNTS=$2; shift 2 ;;
    --help|-h) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -n "$TARGET" ] && [ ${#SCALE[@]} -gt 0 ]; then
  echo "run.sh: --scale only applies to a shop started here, not to --target" >&2
  exit 2
fi

port_busy() { [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]; }

REPORTS="$ROOT/deploy/load/target/gatling"
if [ -z "$TARGET" ]; then
  for built in deploy/local-shop/target/local-shop.jar account-service/target/quarkus-app/quarkus-run.jar \
      cart-service/target/quarkus-app/quarkus-run.jar order-service/target/quarkus-app/quarkus-run.jar \
      catalog-publisher/target/quarkus-app/quarkus-run.jar; do
    [ -f "$built" ] || { echo "run.sh: $built is missing; build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
  done
  for port in "$EDGE_PORT" "$PG_PORT" "$S3_PORT" 8081 8082 8083 8084 9081 9082 9083 9084; do
    if port_busy "$port"; then
      echo "run.sh: port $port is already in use (another shop?). Stop it, or run against it with --target." >&2
      exit 1
    fi
  done

  WORK=$(mktemp -d -t storefront-load.XXXXXX)
  LOGS="$ROOT/deploy/load/target/shop-logs"
  echo "== starting the shop (data in $WORK, edge on 127.0.0.1:$EDGE_PORT ${SCALE[*]:-})"
  : > "$WORK/shop.log"
  java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar deploy/local-shop/target/local-shop.jar \
    --throughput --data "$WORK/shop" --port "$EDGE_PORT" --pg-port "$PG_PORT" --s3-port "$S3_PORT" "${SCALE[@]}" \
    > "$WORK/shop.log" 2>&1 &
  SHOP=$!
  stop_shop() {
    kill -TERM "$SHOP" 2>/dev/null || true
    wait "$SHOP" 2>/dev/null || true
    # The services' logs outlive the throw-away data folder: they are where a failed request is explained.
    rm -rf "$LOGS" && mkdir -p "$LOGS" && cp -r "$WORK/shop/logs/." "$WORK/shop.log" "$LOGS/" 2>/dev/null || true
    rm -rf "$WORK"
  }
  trap stop_shop EXIT
  deadline=$((SECONDS + 300))
  until grep -q "The shop is ready" "$WORK/shop.log"; do
    kill -0 "$SHOP" 2>/dev/null || { cat "$WORK/shop.log"; echo "run.sh: the shop did not start" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { cat "$WORK/shop.log"; echo "run.sh: the shop was not ready in 300 s" >&2; exit 1; }
    sleep 1
  done
  sed -n '/The shop is ready/,/^Press Ctrl-C/p' "$WORK/shop.log" | grep -v '^Press Ctrl-C'
  TARGET="http://127.0.0.1:$EDGE_PORT"
fi
export LOAD_BASE_URL=$TARGET
export LOAD_PHASES_FILE="$REPORTS/.phases"

echo "== load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
# Gatling writes one folder per run under deploy/load/target/gatling; this run's is the one newer than the marker.
mkdir -p "$REPORTS"
marker="$REPORTS/.run-started"
touch "$marker"
rm -f "$LOAD_PHASES_FILE"
status=0
./mvnw -B --no-transfer-progress -f deploy/load/pom.xml test-compile gatling:test || status=$?
echo "== load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
report=$(find "$REPORTS" -mindepth 1 -maxdepth 1 -type d -newer "$marker" 2>/dev/null | sort | tail -1)
if [ -n "$report" ] && [ -f "$report/index.html" ]; then
  if command -v python3 >/dev/null 2>&1; then
    python3 deploy/load/summary.py "$report/index.html" "$(cat "$LOAD_PHASES_FILE" 2>/dev/null)" || true
  fi
  echo "== report: $report/index.html"
else
  echo "== no report was written (see the output above)"
fi
if [ -n "${WORK:-}" ] && grep -q " stopped; see " "$WORK/shop.log"; then
  # The shop does not restart a service that dies; say so, since every later request to it failed.
  echo "== a service stopped during the run, so the run fails:"
  grep " stopped; see " "$WORK/shop.log"
  [ "$status" -ne 0 ] || status=1
fi
[ -z "${LOGS:-}" ] || echo "== the shop's logs: $LOGS/ (after it has stopped)"
exit $status
