#!/bin/sh
# Starts a service (or the identity provider, or the gateway) with the JVM options every Hourbill service runs with,
# and with its AOT cache trained on a month-end when the deployment mounts one (docs/operations.md, "Trained on a
# month-end"). HOURBILL_AOT=train: the JVM writes that cache instead, when the container is stopped after a staging
# month-end (give it the stop grace period: writing takes up to a minute).
set -e
cache="${HOURBILL_AOT_CACHE:-/aot/app.aot}"
app="${HOURBILL_APP_DIR:-/app}"
case "${HOURBILL_AOT:-use}" in
  train) set -- "-XX:AOTCacheOutput=$cache" "$@" ;;
  none) ;;
  *) if [ -s "$cache" ]; then set -- "-XX:AOTCache=$cache" "$@"; fi ;;
esac
exec java "@$app/jvm.options" "$@" -jar "$app/extracted/app.jar"
