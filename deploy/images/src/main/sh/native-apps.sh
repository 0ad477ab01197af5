#!/usr/bin/env bash
# Stages each service's native executable (-Pnative: <service>/target/<name>-runner) as <stage>/<service>/application,
# the one file Jib puts under /deployments in that service's native image; every image then starts the same
# /deployments/application. Also leaves an empty <no-aot directory>/<service> each: the JVM images add their AOT cache
# from there, native ones have none (Jib needs the directory to exist).
#
#   native-apps.sh <repository root> <stage directory> <no-aot directory> <service>...
set -euo pipefail

repo=$1
stage=$2
no_aot=$3
shift 3

rm -rf "$stage" "$no_aot"
for service in "$@"; do
  runners=("$repo/$service"/target/*-runner)
  if [[ ${#runners[@]} -ne 1 || ! -x ${runners[0]} ]]; then
    echo "native-apps: $service has no single native executable in $repo/$service/target (build it with -Pnative)" >&2
    exit 1
  fi
  install -D -m 755 "${runners[0]}" "$stage/$service/application"
  mkdir -p "$no_aot/$service"
  echo "native-apps: $stage/$service/application ($(du -h "${runners[0]}" | cut -f1), from ${runners[0]})"
done
