#!/usr/bin/env bash
# Stages each service's native executable (-Pnative: <service>/target/<name>-runner) as <stage>/<service>/application,
# the one file Jib puts under /deployments in that service's native image; every image then starts the same
# /deployments/application.
#
#   native-apps.sh <repository root> <stage directory> <service>...
set -euo pipefail

repo=$1
stage=$2
shift 2

rm -rf "$stage"
for service in "$@"; do
  runners=("$repo/$service"/target/*-runner)
  if [[ ${#runners[@]} -ne 1 || ! -x ${runners[0]} ]]; then
    echo "native-apps: $service has no single native executable in $repo/$service/target (build it with -Pnative)" >&2
    exit 1
  fi
  install -D -m 755 "${runners[0]}" "$stage/$service/application"
  echo "native-apps: $stage/$service/application ($(du -h "${runners[0]}" | cut -f1), from ${runners[0]})"
done
