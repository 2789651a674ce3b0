#!/usr/bin/env bash
# What CI does on a new machine, as closely as this one allows: a fresh clone of main (or REF)
# in a temp dir, no .tools/, the project's Docker images removed, then `CI=true bash .ci/run`
# as root. Prints the totals and each tier's time at the end, and removes the temp dir.
#
#   scripts/ci-fresh.sh [--ref REF] [--cold] [--load] [--tiers "unit lab"]
#
#   --ref REF     the commit or branch to clone (default: main)
#   --cold        also remove the base image (node:24-bookworm-slim): the docker tier builds it
#   --load        keep every core busy for the whole run (scripts/cpu-load.sh), as on a slow CI box
#   --tiers LIST  only these tiers, without the static checks: a quick check, not the CI proof
#
# Images are removed only when the docker tier runs: other runs on this dockerd keep theirs.
# What it cannot undo: the apt packages already installed, the npm and pnpm caches (a fresh
# machine downloads them; here they are only linked again).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref=main cold=0 load=0 tiers=""
usage() {
  echo "usage: scripts/ci-fresh.sh [--ref REF] [--cold] [--load] [--tiers \"unit lab …\"]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --ref) [ $# -ge 2 ] || usage; ref="$2"; shift 2 ;;
    --cold) cold=1; shift ;;
    --load) load=1; shift ;;
    --tiers) [ $# -ge 2 ] || usage; tiers="$2"; shift 2 ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ci-fresh: unknown option \"$1\"" >&2; usage ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "ci-fresh: CI runs as root; run this as root" >&2; exit 2; }
git -C "$root" rev-parse --verify --quiet "$ref^{commit}" >/dev/null ||
  { echo "ci-fresh: no commit \"$ref\" in $root" >&2; exit 2; }

work="$(mktemp -d /tmp/connlab-ci-fresh.XXXXXX)"
# mktemp makes it 0700; a CI checkout is readable by all, and the tests that run the CLI as an
# unprivileged user (needs-root) must be able to read it.
chmod 755 "$work"
logs="$root/.connlab/ci-fresh"
mkdir -p "$logs"
log="$logs/$(date -u +%Y%m%dT%H%M%SZ).log"
cleanup() {
  bash "$root/scripts/cpu-load.sh" stop "$work/cpu-load.pids" || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
commit="$(git -C "$root" rev-parse --short "$ref^{commit}")"
echo "ci-fresh: cloning $ref ($commit) into $work/connlab"
git clone --quiet --no-checkout "$root" "$work/connlab"
git -C "$work/connlab" checkout --quiet --detach "$commit"
if [ -n "$tiers" ] && ! grep -q 'run test "\$@"' "$work/connlab/.ci/run"; then
  echo "ci-fresh: .ci/run at $ref runs every tier whatever it is given; --tiers needs a newer ref" >&2
  exit 2
fi

if [ -z "$tiers" ] || [[ " $tiers " == *" docker "* ]]; then
  if command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1; then
    images=(connlab-lab:local connlab-browser:local)
    [ "$cold" = 1 ] && images+=(node:24-bookworm-slim)
    for image in "${images[@]}"; do
      if docker image inspect "$image" >/dev/null 2>&1; then
        echo "ci-fresh: removing image $image"
        docker image rm --force "$image" >/dev/null
      fi
    done
  fi
fi

if [ "$load" = 1 ]; then
  # Bounded even if this script is killed: the loops stop by themselves after two hours.
  bash "$root/scripts/cpu-load.sh" start 7200 "$work/cpu-load.pids"
fi

echo "ci-fresh: CI=true bash .ci/run ${tiers} (log: $log)"
set +e
# shellcheck disable=SC2086 # the tier list is split into words on purpose
(cd "$work/connlab" && env -u CONNLAB_SKIP_INSTALL CI=true bash .ci/run $tiers) 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

elapsed=$((SECONDS - started))
echo
echo "ci-fresh: $ref ($commit)$([ "$cold" = 1 ] && echo ", cold")$([ "$load" = 1 ] && echo ", under load")$([ -n "$tiers" ] && echo ", tiers: $tiers (not the CI proof)")"
# The test command's summary: one line per step with its time, then the totals.
sed 's/\x1b\[[0-9;]*m//g' "$log" | sed -n '/^summary$/,$p' | tail -n +2
echo "ci-fresh: exit $status, ${elapsed} s in all (clone, installs, tests)"
exit "$status"
