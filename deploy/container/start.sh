#!/bin/sh
# The image's entrypoint: starts the app with deploy/jvm.options and, when /app/cache is writable,
# from an AOT cache (JDK 25), as deploy/local-stack.sh does: the first run records which classes
# the app loads (written as it stops), the next start makes /app/cache/app.aot from that once, and
# later starts load from it (about 2 s instead of 7). Mount a volume at /app/cache to keep it across
# containers; a new image makes it stale and it is made again. CLEARPATH_AOT_CACHE=off leaves it out.
set -eu
cache_dir="${CLEARPATH_AOT_DIR:-/app/cache}"
cache="$cache_dir/app.aot"
recorded="$cache_dir/app.aotconf"
set -- -XX:+ExitOnOutOfMemoryError -cp "/app/lib/*" org.clearpath.api.Application
if [ "${CLEARPATH_AOT_CACHE:-on}" != "off" ] && [ -d "$cache_dir" ] && [ -w "$cache_dir" ]; then
  # what the cache was made from: the image's jars
  image="$(ls -l --time-style=+%s /app/lib | md5sum | cut -c1-32)"
  if [ "$(cat "$cache_dir/image" 2>/dev/null || true)" != "$image" ]; then
    rm -f "$cache" "$recorded"
    echo "$image" > "$cache_dir/image"
  fi
  if [ ! -f "$cache" ] && [ -f "$recorded" ]; then
    java @/app/jvm.options -XX:AOTMode=create -XX:AOTConfiguration="$recorded" \
      -XX:AOTCache="$cache" -cp "/app/lib/*" > "$cache_dir/aot.log" 2>&1 || rm -f "$cache"
    rm -f "$recorded"
  fi
  if [ -f "$cache" ]; then
    set -- "-XX:AOTCache=$cache" "$@"
  else
    set -- -XX:AOTMode=record "-XX:AOTConfiguration=$recorded" "-Xlog:aot*=error" "$@"
  fi
fi
exec java @/app/jvm.options "$@"
