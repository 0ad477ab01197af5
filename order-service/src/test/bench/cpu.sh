#!/usr/bin/env bash
# Prints "<pid> <cpu ticks> <name>" for every process under the given pid (the shop): its JVMs, PostgreSQL, s3proxy.
for pid in $(ps -e -o pid= --forest -o ppid= | awk -v root="$1" '
    { parent[$1] = $2 } END { for (p in parent) { q = p; while (q in parent && q != root) q = parent[q]; if (q == root) print p } }'); do
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
  ticks=$(echo "$stat" | awk '{ print $14 + $15 }')
  args=$(tr '\0' ' ' < "/proc/$pid/cmdline")
  name=$(echo "$args" | grep -oE '(account-service|cart-service|order-service|catalog-publisher|s3proxy)' | head -1)
  [ -n "$name" ] || name=$(echo "$args" | grep -qE '^postgres' && echo postgres || echo "$(basename "${args%% *}")")
  echo "$pid $ticks $name"
done
