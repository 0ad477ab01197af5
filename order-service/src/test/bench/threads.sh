#!/usr/bin/env bash
# Prints "<tid> <cpu ticks> <thread group>" for every thread of JVM $1, the group being the thread's name without its
# number (JIT compiler, GC, event loop, worker, ...), so that a before/after pair shows where a service's CPU went.
for task in /proc/"$1"/task/*; do
  stat=$(cat "$task/stat" 2>/dev/null) || continue
  name=$(cat "$task/comm" 2>/dev/null)
  group=$(echo "$name" | sed -E 's/[-#]?[0-9]+$//; s/ +$//; s/ /_/g')
  echo "${task##*/} $(echo "${stat##*) }" | awk '{ print $12 + $13 }') $group"
done
