#!/usr/bin/env bash
# Checkout benchmark: the packaged shop on loopback (PostgreSQL, S3 API, cart-, account- and order-service), then wrk
# placing orders straight at order-service: signed-in shoppers, 2-item carts, a new Idempotency-Key per request.
# Run from the repository root after `./mvnw -B -q -DskipTests install`. Needs wrk and python3 (Debian packages).
#   DURATION=30s CONNECTIONS=16 order-service/src/test/bench/run.sh
# WARMUP (default 150s, whole seconds): the JIT needs that long on two busy cores. The warm-up runs in 30 s windows and
# prints each window's orders/s, so every run shows its own warm-up curve (on 2026-12-02 it rose from about 100 in the
# first window to a plateau after some 120 s; docs/performance.md, "Warm-up"). After WARMUP it goes on, window by
# window, while the last window still beat the one before it by more than 5 %, up to WARMUP_MAX (default 300s): a run
# whose JIT warmed up slowly is measured at its plateau too, not on the way up.
# The outbox relay is off while it runs, so each shopper's cart stays full and can be checked out again and again
# (every request still reads the cart from cart-service, prices it from the bucket and writes order, lines, key and
# outbox row in one transaction). With PROFILE=1 a JFR recording of order-service during the measured run is
# summarised at the end (where the time goes); it costs throughput, so leave it off for the figure itself.
# Each shopper's cart holds two products of its own (shoppers.py), all given stock to spare (StockLevels.java), so every
# order also reserves its two lines, as in the shop; SAME_SKUS=1 gives every shopper the same two products (every
# checkout then queues on the same two stock rows: the contended case); STOCK=off leaves them untracked (no
# reservation), to see what reserving costs.
# The services run on the JDK that runs this script: PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH for JDK 25.
set -euo pipefail
for tool in wrk python3; do  # Debian packages of the same names; a fresh machine has no wrk
  command -v "$tool" > /dev/null || { echo "$0 needs $tool: apt-get install $tool" >&2; exit 1; }
done
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-150s}
WARMUP_MAX=${WARMUP_MAX:-300s}
CONNECTIONS=${CONNECTIONS:-16}
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
EDGE_PORT=${EDGE_PORT:-18080}
ORDER_URL=http://127.0.0.1:8083

# Profiling needs whole stacks (the frames that name a layer sit deep under Vert.x and RESTEasy).
[ "${PROFILE:-0}" = 1 ] && export JAVA_TOOL_OPTIONS="-XX:FlightRecorderOptions:stackdepth=512"
# JDK 25's CPU-time sampler (jdk.CPUTimeSample) sees native and blocked-in-kernel CPU too: PROFILE_EVENT to pick it.
PROFILE_EVENT=${PROFILE_EVENT:-jdk.ExecutionSample}
OUTBOX_RELAY_EVERY=off java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar deploy/local-shop/target/local-shop.jar \
  --throughput --data "$WORK/shop" --port "$EDGE_PORT" --pg-port 25432 --s3-port 29000 > "$WORK/shop.log" 2>&1 &
SHOP=$!
trap 'kill -TERM $SHOP 2>/dev/null || true; wait $SHOP 2>/dev/null || true; rm -rf "$WORK"' EXIT
deadline=$((SECONDS + 180))
until grep -q "The shop is ready" "$WORK/shop.log"; do
  kill -0 $SHOP 2>/dev/null || { cat "$WORK/shop.log"; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "shop not ready in 180 s"; cat "$WORK/shop.log"; exit 1; }
  sleep 1
done
grep -A8 "The shop is ready" "$WORK/shop.log"

python3 "$BENCH_DIR/shoppers.py" "http://127.0.0.1:$EDGE_PORT" "$CONNECTIONS" "$WORK/skus.txt" > "$WORK/shoppers.txt"
if [ "${STOCK:-on}" != off ]; then
  # shellcheck disable=SC2046
  java -cp deploy/local-shop/target/local-shop.jar "$BENCH_DIR/StockLevels.java" 25432 $(cat "$WORK/skus.txt")
fi
export BENCH_DIR SHOPPERS_FILE="$WORK/shoppers.txt"
pid_on() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
ORDER_PID=$(pid_on 8083); CART_PID=$(pid_on 8082); PG_PID=$(pid_on 25432)

echo "== warm-up ($WARMUP, then until a 30 s window beats the one before by 5 % or less, at most $WARMUP_MAX): orders/s in each window"
warmed=0 previous=0 rate=0
while :; do
  if [ "$warmed" -ge "${WARMUP%s}" ]; then
    awk -v now="$rate" -v before="$previous" 'BEGIN { exit !(now <= before * 1.05) }' && break
    [ "$warmed" -lt "${WARMUP_MAX%s}" ] || { printf "  (still rising at %s s)" "$warmed"; break; }
  fi
  window=$((${WARMUP%s} - warmed)); [ "$window" -gt 0 ] && [ "$window" -lt 30 ] || window=30
  previous=$rate
  rate=$(wrk -t2 -c"$CONNECTIONS" -d"${window}s" -s "$BENCH_DIR/checkout.lua" "$ORDER_URL" | awk '/^Requests\/sec/ {print $2}')
  printf "  %s" "$rate"
  warmed=$((warmed + window))
done
echo " ($warmed s)"
echo "== checkout: POST /api/orders, $CONNECTIONS connections, $DURATION"
if [ "${PROFILE:-0}" = 1 ]; then
  jcmd "$ORDER_PID" JFR.start name=bench settings=profile "$PROFILE_EVENT#enabled=true" filename="$WORK/order.jfr" > /dev/null
  jcmd "$CART_PID" JFR.start name=bench settings=profile "$PROFILE_EVENT#enabled=true" filename="$WORK/cart.jfr" > /dev/null
fi
"$BENCH_DIR/cpu.sh" $SHOP $PG_PID > "$WORK/cpu-before.txt"
for pid in $ORDER_PID $CART_PID; do "$BENCH_DIR/threads.sh" $pid > "$WORK/threads-before-$pid.txt"; done
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/checkout.lua" "$ORDER_URL" | tee "$WORK/wrk.txt"
"$BENCH_DIR/cpu.sh" $SHOP $PG_PID > "$WORK/cpu-after.txt"
for pid in $ORDER_PID $CART_PID; do "$BENCH_DIR/threads.sh" $pid > "$WORK/threads-after-$pid.txt"; done
if [ "${PROFILE:-0}" = 1 ]; then
  jcmd "$ORDER_PID" JFR.stop name=bench > /dev/null
  jcmd "$CART_PID" JFR.stop name=bench > /dev/null
fi
echo "== CPU seconds used during the measured run, by process (2 cores = $(( ${DURATION%s} * 2 )) s available)"
join <(sort "$WORK/cpu-before.txt") <(sort "$WORK/cpu-after.txt") |
  awk -v hz="$(getconf CLK_TCK)" '{ used[$3] += ($4 - $2) / hz } END { for (n in used) if (used[n] > 0.05) printf "  %6.1f s  %s\n", used[n], n }' |
  sort -rn
for service in order:$ORDER_PID cart:$CART_PID; do
  echo "== $service-service's CPU by thread group (top 6)" | sed 's/:[0-9]*-service/-service/'
  pid=${service#*:}
  # Threads started during the run count from zero.
  awk -v hz="$(getconf CLK_TCK)" 'FNR == NR { before[$1] = $2; next } { used[$3] += ($2 - before[$1]) / hz }
      END { for (n in used) if (used[n] > 0.05) printf "  %6.1f s  %s\n", used[n], n }' \
      "$WORK/threads-before-$pid.txt" "$WORK/threads-after-$pid.txt" |
    sort -rn | head -6
done
echo "== orders stored"
python3 "$BENCH_DIR/shoppers.py" --count "http://127.0.0.1:$EDGE_PORT" < "$WORK/shoppers.txt"
if [ "${PROFILE:-0}" = 1 ]; then
  for service in order cart; do
    echo "== where $service-service spends its CPU (JFR execution samples)"
    jfr print --json --events "$PROFILE_EVENT" "$WORK/$service.jfr" | python3 "$BENCH_DIR/hotspots.py"
    [ -n "${KEEP_JFR:-}" ] && cp "$WORK/$service.jfr" "$KEEP_JFR/$service.jfr"
  done
fi
# The figure to compare (with ../shared/peers/peer-orders-bench.sh, run right after): placed orders (201s) per second.
awk '/Requests\/sec/ { rps = $2 } $1 == "requests" { total = $2 + 0; failed = $4 + 0 }
     $1 == "p50" { p50 = $2 } $1 == "p99" { p99 = $2 }
     END { printf "checkout: %.1f orders/s p50 %s ms p99 %s ms\n", (total ? rps * (total - failed) / total : 0), p50, p99 }' "$WORK/wrk.txt"
