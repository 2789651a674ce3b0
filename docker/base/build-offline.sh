#!/usr/bin/env bash
# Builds, without pulling anything, the base image every connlab Dockerfile names
# (node:24-bookworm-slim): a Debian bookworm made with debootstrap from this machine's own apt
# mirror, plus the Node 24 binary from the npm registry. Online users simply pull the official
# image of the same name; this is for CI and for workshop rooms with a poor network.
#   bash docker/base/build-offline.sh [--force]
set -euo pipefail

image="${CONNLAB_BASE_IMAGE:-node:24-bookworm-slim}"
node_version="${CONNLAB_NODE_VERSION:-24.21.0}"
suite=bookworm
# Debian packages the lab's containers use; the official image lacks them, so the Dockerfiles
# install whichever are missing, and here they come preinstalled so no build needs a network.
include="ca-certificates,curl,iproute2,nftables,iptables,procps,netcat-openbsd,dnsutils,tini"

if [ "${1:-}" != --force ] && docker image inspect "$image" >/dev/null 2>&1; then
  echo "connlab: $image is already present (use --force to rebuild)"
  exit 0
fi
for tool in debootstrap docker npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "connlab: $tool is missing (apt-get install debootstrap docker.io npm)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "connlab: debootstrap needs root; run this as root" >&2; exit 1; }

# The mirror this machine already uses for its own packages, so no host is hard-coded here.
mirror="${CONNLAB_DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror="$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n 1 || true)"
fi
if [ -z "$mirror" ]; then
  mirror="$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n 1 || true)"
fi
[ -n "$mirror" ] || { echo "connlab: no Debian mirror found in /etc/apt; set CONNLAB_DEBIAN_MIRROR" >&2; exit 1; }

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "connlab: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

work="$(mktemp -d /tmp/connlab-base.XXXXXX)"
trap 'rm -rf "$work"' EXIT INT TERM
rootfs="$work/rootfs"

echo "connlab: debootstrap $suite from $mirror (a few minutes)"
debootstrap --variant=minbase --include="$include" "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }

echo "connlab: adding Node $node_version"
npm install --silent --no-audit --no-fund --prefix "$work/node" "node-linux-$arch@$node_version" >/dev/null
install -m 0755 "$work/node/node_modules/node-linux-$arch/bin/node" "$rootfs/usr/local/bin/node"
# Same user as the official image, so Dockerfiles can say USER node either way.
chroot "$rootfs" /usr/sbin/groupadd --gid 1000 node
chroot "$rootfs" /usr/sbin/useradd --uid 1000 --gid node --shell /bin/bash --create-home node
# Keep the image small: package lists and docs are not needed at run time.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*

echo "connlab: importing as $image"
tar -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_VERSION='"$node_version" \
  --change 'CMD ["node"]' \
  - "$image" >/dev/null
echo "connlab: built $image offline"
