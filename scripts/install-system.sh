#!/usr/bin/env bash
# Installs the Debian packages the lab, the docker tier and the browser tier use, when missing.
# Idempotent: a second run installs nothing. Needs root and apt-get (Debian or Ubuntu).
set -euo pipefail

packages=(
  ca-certificates curl iproute2 nftables procps netcat-openbsd dnsutils # the labs and their check commands
  chromium firefox-esr fonts-dejavu-core libnss3-tools                  # the browser tier (certutil: a CA in Firefox's profile)
  docker.io docker-compose debootstrap                                  # the docker tier and its offline base image
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "connlab: missing system packages: ${missing[*]}; install them as root with apt-get" >&2
  exit 1
fi
echo "connlab: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
