#!/usr/bin/env bash
# Makes sure a Docker engine answers, starting dockerd when it is installed but not running
# (a fresh machine or CI, where no service manager starts it). Prints one line on failure.
set -euo pipefail

docker version --format '{{.Server.Version}}' >/dev/null 2>&1 && exit 0
if ! command -v dockerd >/dev/null 2>&1; then
  echo "connlab: Docker is not installed (apt-get install docker.io docker-compose)" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "connlab: the Docker engine is not running and starting it needs root (sudo dockerd &)" >&2
  exit 1
fi
if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
  systemctl start docker
else
  mkdir -p /var/log
  nohup dockerd >/var/log/connlab-dockerd.log 2>&1 &
fi
for _ in $(seq 1 60); do
  docker version --format '{{.Server.Version}}' >/dev/null 2>&1 && exit 0
  sleep 1
done
echo "connlab: dockerd did not answer within 60 s; see /var/log/connlab-dockerd.log" >&2
exit 1
