#!/usr/bin/env bash
# Prepares what docker/Dockerfile needs to build with no network (CI here, a workshop room):
# the pnpm release the repository pins, as the registry's tarball, and a pnpm store holding
# the production packages of pnpm-lock.yaml that the image installs (@connlab/docker and the
# workspace packages it uses: ~50 MB, where `pnpm fetch --prod` would take the guide's too).
# Both land in docker/offline/ (git-ignored), which the build copies; the host's node_modules
# is never used.
#   bash docker/offline/prepare.sh        # needs pnpm and the npm registry, once
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pnpm_version="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$root/package.json")"
for tool in node npm pnpm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "connlab: $tool is missing (bash scripts/bootstrap.sh puts it in .tools/bin)" >&2; exit 1; }
done

rm -f "$here"/pnpm-*.tgz
(cd "$here" && npm pack --silent "pnpm@$pnpm_version" >/dev/null)

# The same install the Dockerfile runs, in a scratch copy of the manifests (so this checkout's
# own node_modules stays as it is), with the store kept here.
work="$(mktemp -d /tmp/connlab-fetch.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$root/package.json" "$root/pnpm-lock.yaml" "$root/pnpm-workspace.yaml" "$work/"
for manifest in "$root"/*/package.json; do
  mkdir -p "$work/$(basename "$(dirname "$manifest")")"
  cp "$manifest" "$work/$(basename "$(dirname "$manifest")")/"
done
(cd "$work" && pnpm install --prod --frozen-lockfile --ignore-scripts --filter "@connlab/docker..." \
  --store-dir "$here/store" --reporter=silent)
echo "connlab: docker/offline holds pnpm $pnpm_version and $(du -sh "$here/store" | cut -f1) of packages"
