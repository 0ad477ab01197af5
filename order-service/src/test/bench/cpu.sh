#!/usr/bin/env bash
# Prints "<pid> <cpu ticks> <name>" for each given pid and every process under it: the shop (its launcher, which is
# also the local edge) with the service JVMs and s3proxy, and PostgreSQL's postmaster with its backends (pg_ctl
# detaches the server from the shop, so it is given on its own). A service JVM runs quarkus-run.jar from
# <module>/target/quarkus-app, so it is named by its working directory; a second instance of a service is "<name>#2".
#
#   cpu.sh <shop pid> [<postmaster pid> ...]
declare -A seen
tree() {
  ps -e -o pid= -o ppid= | awk -v root="$1" '
    { parent[$1] = $2 } END { for (p in parent) { q = p; while (q in parent && q != root) q = parent[q]; if (q == root && p != root) print p } }' | sort -n
}
pids=$(for root in "$@"; do echo "$root"; tree "$root"; done)
for pid in $pids; do
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
  ticks=$(echo "$stat" | awk '{ print $14 + $15 }')
  args=$(tr '\0' ' ' < "/proc/$pid/cmdline")
  where="$args $(readlink "/proc/$pid/cwd" 2>/dev/null)"
  name=$(echo "$where" | grep -oE '(account-service|cart-service|order-service|catalog-publisher|s3proxy|local-shop)' | head -1)
  [ "$name" = local-shop ] && name="edge(local-shop)"
  [ -n "$name" ] || name=$(echo "$args" | grep -qE '^postgres' && echo postgres || echo "$(basename "${args%% *}")")
  case "$name" in
    *-service|catalog-publisher)
      seen[$name]=$(( ${seen[$name]:-0} + 1 ))
      [ "${seen[$name]}" -gt 1 ] && name="$name#${seen[$name]}" ;;
  esac
  echo "$pid $ticks $name"
done
