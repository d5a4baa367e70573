#!/usr/bin/env bash
# Starts the whole local stack: embedded PostgreSQL 17, Keycloak 26.7.3 with the dev realm and
# demo users, and Clearpath with demo data. Prints the URL and the demo logins. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "[local-stack] Building (first time: downloads dependencies and Keycloak, a few minutes)…"
./mvnw -q -B install -DskipTests -Dspotless.check.skip=true
exec ./mvnw -q -B -pl deploy exec:exec -Dclearpath.launch=true
