#!/usr/bin/env bash
# A bounded CPU load, to run the tests as on a slower CI machine:
#   scripts/cpu-load.sh start SECONDS PIDFILE [WORKERS]   one busy loop per core (or WORKERS)
#   scripts/cpu-load.sh stop PIDFILE                      stops the loops listed in PIDFILE
# Every loop runs under `timeout`, so it ends by itself after SECONDS even when nobody calls
# stop (a crashed caller, a SIGKILL). stop kills only the pids it recorded, and only while they
# are still our `timeout` processes.
set -euo pipefail

marker="connlab-cpu-load"
usage() {
  echo "usage: scripts/cpu-load.sh start SECONDS PIDFILE [WORKERS] | stop PIDFILE" >&2
  exit 2
}

ours() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q "^timeout .* $marker"; }

case "${1:-}" in
  start)
    [ $# -ge 3 ] || usage
    seconds="$2" pidfile="$3" workers="${4:-$(nproc)}"
    [[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 1 && "$seconds" -le 7200 ]] ||
      { echo "cpu-load: SECONDS must be 1-7200, not \"$seconds\"" >&2; exit 2; }
    [[ "$workers" =~ ^[0-9]+$ && "$workers" -ge 1 && "$workers" -le 64 ]] ||
      { echo "cpu-load: WORKERS must be 1-64, not \"$workers\"" >&2; exit 2; }
    : >"$pidfile"
    for _ in $(seq "$workers"); do
      # $0 of the inner shell is the marker, so stop can tell our loops from any other process.
      timeout "$seconds" bash -c 'while :; do :; done' "$marker" </dev/null >/dev/null 2>&1 &
      echo $! >>"$pidfile"
    done
    echo "cpu-load: $workers busy loops for at most ${seconds} s (pids in $pidfile)" >&2
    ;;
  stop)
    [ $# -ge 2 ] || usage
    pidfile="$2"
    [ -f "$pidfile" ] || exit 0
    while read -r pid; do
      [[ "$pid" =~ ^[0-9]+$ ]] && ours "$pid" && kill "$pid" 2>/dev/null || true
    done <"$pidfile"
    rm -f "$pidfile"
    ;;
  *) usage ;;
esac
