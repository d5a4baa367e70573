#!/usr/bin/env bash
# Clearpath on one machine: embedded PostgreSQL 17 (durable), Keycloak 26.7.3 keeping its users in
# PostgreSQL, and the app. Everything lives in one data directory (CLEARPATH_DATA_DIR, default .local/).
#
#   ./deploy/local-stack.sh [start] [--demo]   start (Ctrl-C or SIGTERM stops it all)
#   ./deploy/local-stack.sh stop               stop a running stack from another terminal
#   ./deploy/local-stack.sh backup             take a backup now into <data dir>/backups/
#   ./deploy/local-stack.sh restore FILE       restore a backup into an empty data directory
#   ./deploy/local-stack.sh narrow-keycloak    narrow the app's service account in a Keycloak the
#                                              launcher does not run (CLEARPATH_KEYCLOAK_URL,
#                                              KEYCLOAK_ADMIN, KEYCLOAK_ADMIN_PASSWORD)
#
# CLEARPATH_SKIP_BUILD=1 starts what was built last (the end-to-end tests use it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
DATA_DIR="${CLEARPATH_DATA_DIR:-$ROOT/.local}"
mkdir -p "$DATA_DIR/logs"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"
export CLEARPATH_DATA_DIR="$DATA_DIR"

java_home=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
    && "$candidate/bin/java" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 25'; then
    java_home="$candidate"; break
  fi
done
[ -n "$java_home" ] || { echo "[local-stack] ERROR: no JDK 25 found (looked under /usr/lib/jvm)"; exit 1; }

CLASSPATH_FILE="deploy/target/local-stack.classpath"
command="${1:-start}"
needs_build=1
if [ "${CLEARPATH_SKIP_BUILD:-0}" = "1" ]; then needs_build=0; fi
case "$command" in
  stop|backup|restore|narrow-keycloak) [ -f "$CLASSPATH_FILE" ] && needs_build=0 ;;
esac
if [ "$needs_build" = "1" ]; then
  echo "[local-stack] Building (the first time downloads dependencies and Keycloak: a few minutes)…"
  if ! ./mvnw -q -B install -DskipTests -Dspotless.check.skip=true > "$DATA_DIR/logs/build.log" 2>&1; then
    tail -40 "$DATA_DIR/logs/build.log"
    echo "[local-stack] ERROR: the build failed; the whole log is in $DATA_DIR/logs/build.log"
    exit 1
  fi
fi
[ -f "$CLASSPATH_FILE" ] || { echo "[local-stack] ERROR: not built yet: run ./deploy/local-stack.sh without CLEARPATH_SKIP_BUILD"; exit 1; }

# Starts come from an AOT cache (JDK 25): the first start after a build records which classes the
# app loads and how it uses them (written as the stack stops), the next start turns that into
# deploy/target/app.aot once (logs/aot.log), and every later start loads from it: the app starts
# in about 2 s instead of 7. A new build makes both stale: they are made again.
# CLEARPATH_AOT_CACHE=off leaves it out. The cache needs a class path of jars only.
deploy_jar="$(ls deploy/target/deploy-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -1 || true)"
class_path="${deploy_jar:-deploy/target/classes}:$(cat "$CLASSPATH_FILE")"
aot=()
case "$command" in
  stop|backup|restore|narrow-keycloak) ;;
  *)
    if [ "${CLEARPATH_AOT_CACHE:-on}" != "off" ] && [ -n "$deploy_jar" ]; then
      cache="$ROOT/deploy/target/app.aot"
      recorded="$ROOT/deploy/target/app.aotconf"
      # stale once any jar on the class path is newer: a module installed on its own (mvnw install
      # -pl api) changes a jar in ~/.m2 and nothing here, and a stale cache is refused at start
      IFS=: read -ra jars <<< "$class_path"
      for made in "$cache" "$recorded"; do
        if [ -f "$made" ]; then
          for jar in "$CLASSPATH_FILE" "${jars[@]}"; do
            if [ "$jar" -nt "$made" ]; then
              rm -f "$made"
              break
            fi
          done
        fi
      done
      if [ ! -f "$cache" ] && [ -f "$recorded" ]; then
        echo "[local-stack] Making the start-up cache from the last run (once after a build)…"
        if ! "$java_home/bin/java" "@$ROOT/deploy/jvm.options" -XX:AOTMode=create \
          -XX:AOTConfiguration="$recorded" -XX:AOTCache="$cache" -cp "$class_path" \
          > "$DATA_DIR/logs/aot.log" 2>&1; then
          echo "[local-stack] (no start-up cache: see $DATA_DIR/logs/aot.log)"
          rm -f "$cache"
        fi
        rm -f "$recorded"
      fi
      if [ -f "$cache" ]; then
        aot=("-XX:AOTCache=$cache")
      else
        aot=("-XX:AOTMode=record" "-XX:AOTConfiguration=$recorded" "-Xlog:aot*=error")
      fi
    fi
    ;;
esac

# the heap and the rest of the JVM's memory are set in one file, shared with the container image
# glibc gives each thread that allocates its own malloc arena (up to 8 per core); two keep the
# native memory of the JVM, Keycloak and PostgreSQL's tools from growing with the thread count
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$java_home/bin/java" \
  "@$ROOT/deploy/jvm.options" \
  "${aot[@]}" \
  -Dclearpath.root="$ROOT" \
  -Dclearpath.log.dir="$DATA_DIR/logs" \
  -Dkeycloak.home="$ROOT/deploy/target/keycloak-26.7.3" \
  -Dlogback.configurationFile="$ROOT/deploy/logback-local-stack.xml" \
  -cp "$class_path" \
  org.clearpath.deploy.LocalStack "$@"
