#!/usr/bin/env bash
# Load test of the packaged cart-service on loopback. Run from the repository root after
# `./mvnw -B -pl cart-service verify` (builds target/quarkus-app and target/test-classes). Needs wrk, curl and python3.
set -euo pipefail
for tool in wrk curl python3; do  # Debian packages of the same names; a fresh machine has no wrk
  command -v "$tool" > /dev/null || { echo "$0 needs $tool: apt-get install $tool" >&2; exit 1; }
done
DURATION=${DURATION:-20s}
# Warm-up of each request before it is measured (default 10s). The JIT needs far longer than that to finish on two
# cores (order-service's benchmark plateaus after some 120 s), so WARMUP=120s gives the steady-state figure.
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
# Which cart a request touches: random (the default, comparable with every figure in docs/performance.md) or own
# (each wrk thread its own carts in turn, so no two requests in flight share a cart's row lock; see carts.lua).
PICK=${PICK:-random}
THREADS=2
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
export BENCH_DIR CARTS_FILE="$WORK/carts.txt" PICK THREADS

./mvnw -q -B -pl cart-service dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="cart-service/target/test-classes:cart-service/target/classes:$(cat "$WORK/cp.txt")"
java -cp "$CP" dev.storefront.cart.bench.BenchInfrastructure "$WORK/env.sh" > "$WORK/infra.log" 2>&1 &
INFRA=$!
APP=
trap 'kill $APP $INFRA 2>/dev/null || true; wait 2>/dev/null || true' EXIT
until grep -q READY "$WORK/infra.log"; do kill -0 $INFRA; sleep 1; done
source "$WORK/env.sh"
# Health is on the management interface, its own port (not 9082, which a running ./shop uses).
QUARKUS_HTTP_PORT=${PORT:-18082} QUARKUS_MANAGEMENT_PORT=${MANAGEMENT_PORT:-19082} \
  java -Xmx512m -jar cart-service/target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP=$!
BASE=http://127.0.0.1:${PORT:-18082}
until curl -sf "http://127.0.0.1:${MANAGEMENT_PORT:-19082}/q/health/ready" > /dev/null; do kill -0 $APP; sleep 1; done

for i in $(seq 1 200); do
  curl -s -X POST "$BASE/api/carts" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["id"], c["token"])'
done > "$CARTS_FILE"
# Warm up the JIT, the connection pool and the catalog cache.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/add-item.lua" "$BASE" > /dev/null
echo "== add-item: PUT /api/carts/{id}/items/{sku} (carts: $PICK)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/add-item.lua" "$BASE"
# The read path has its own code to compile: warm it up too, or its first seconds show as the tail.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/get-cart.lua" "$BASE" > /dev/null
echo "== get-cart: GET /api/carts/{id} (carts: $PICK)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/get-cart.lua" "$BASE"
