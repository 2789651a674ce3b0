#!/bin/sh
# Runs one lab service for the compose stack: `run-service.sh NAME COMMAND…`, so that a plain
# `docker compose up` reads as the probe's report and then ends by itself:
# - the service writes $run/ready/NAME once it listens (the probe waits for it); a file left by
#   an earlier run is removed first;
# - quiet: the service's stdout ("listening on …") is dropped, its stderr (what went wrong) kept;
# - it stops once the probe has printed its report: the probe touches $done on a volume every
#   service shares; a marker from an earlier run (older than this start) does not count;
# - `docker stop` (TERM) stops it at once; a service that dies by itself exits with its status,
#   which `up` shows. A service still alive 2 s after TERM gets KILL, so that one stuck process
#   (the stalled server blocks its event loop by design) cannot hold `up` open.
set -u
name="$1"
shift
run=/run/connlab
done="$run/report-done"
started=/tmp/connlab-started
mkdir -p "$run/ready"
rm -f "$run/ready/$name"
touch "$started"
"$@" >/dev/null &
child=$!
stop_child() {
  (sleep 2 && kill -KILL "$child" 2>/dev/null) &
  killer=$!
  kill -TERM "$child" 2>/dev/null
  wait "$child" 2>/dev/null
  kill "$killer" 2>/dev/null
  exit 0
}
trap stop_child TERM INT
while kill -0 "$child" 2>/dev/null; do
  if [ "$done" -nt "$started" ]; then stop_child; fi
  # In the background, so TERM is handled at once instead of after the sleep.
  sleep 1 &
  wait $!
done
wait "$child"
