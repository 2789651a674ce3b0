#!/usr/bin/env bash
# Installs the Debian packages the lab, the docker tier and the browser tier use, when missing.
# Idempotent: a second run installs nothing. Needs root and apt-get (Debian or Ubuntu).
set -euo pipefail

packages=(
  ca-certificates curl iproute2 nftables procps netcat-openbsd dnsutils # the labs and their check commands
  nginx                                                                 # the reverse proxy the closed-* scenarios go through
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

# Debian's nginx package starts its own service on port 80 at install and at every boot. The lab
# never uses it: it starts nginx itself, with its own config on loopback (servers/src/nginx/run.ts).
# So while apt installs, a policy-rc.d (Debian's hook, see invoke-rc.d(8)) refuses to start
# services (dockerd too: scripts/ensure-docker.sh starts it when a tier needs it), unless one is
# already there (a Docker image has its own); afterwards the boot links go.
policy=/usr/sbin/policy-rc.d
own_policy=""
if [[ " ${missing[*]} " == *" nginx "* ]] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# connlab: no service starts while apt installs (removed right after)\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  own_policy=1
fi
trap '[ -z "$own_policy" ] || rm -f "$policy"' EXIT
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
if [[ " ${missing[*]} " == *" nginx "* ]]; then
  # systemctl edits the unit links even where systemd is not running (a container); update-rc.d
  # the SysV links that invoke-rc.d and a SysV boot read.
  systemctl disable nginx >/dev/null 2>&1 || true
  update-rc.d nginx disable >/dev/null 2>&1 || true
fi
