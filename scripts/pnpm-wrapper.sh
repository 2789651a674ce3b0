#!/usr/bin/env bash
# connlab pnpm wrapper (installed as /usr/local/bin/pnpm by scripts/bootstrap.sh, as root).
# Runs the pnpm of the connlab checkout that holds the current directory, so `pnpm connlab …`
# works from any shell in any checkout, and nothing breaks when one checkout is deleted.
set -euo pipefail

dir="$PWD"
while :; do
  if [ -f "$dir/pnpm-workspace.yaml" ] && [ -x "$dir/.tools/bin/pnpm" ]; then
    exec "$dir/.tools/bin/pnpm" "$@"
  fi
  [ "$dir" = / ] && break
  dir="$(dirname "$dir")"
done

# Outside a set-up checkout: whichever other pnpm is on PATH.
self="$(readlink -f "${BASH_SOURCE[0]}")"
IFS=: read -ra path_dirs <<<"$PATH"
for d in "${path_dirs[@]}"; do
  if [ -x "$d/pnpm" ] && [ "$(readlink -f "$d/pnpm")" != "$self" ]; then exec "$d/pnpm" "$@"; fi
done
echo "pnpm: no connlab checkout with .tools/ here or above $PWD; run ./run start in one first" >&2
exit 127
