# Shared by scripts/run, scripts/test and scripts/bench: install what is missing, configure, build.
# Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${COMMITSCOPE_BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

"$ROOT/scripts/setup"

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
# Paths relative to the checkout and no working directory in the hash: a fresh clone in another
# folder (CI) or a second worktree reuses the objects an earlier build left in the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
# A private runtime dir keeps Qt from warning about a missing or world-readable XDG_RUNTIME_DIR.
if [[ -z "${XDG_RUNTIME_DIR:-}" || ! -d "${XDG_RUNTIME_DIR:-}" ]]; then
  export XDG_RUNTIME_DIR="$(mktemp -d /tmp/commitscope-runtime.XXXXXX)"
  chmod 700 "$XDG_RUNTIME_DIR"
fi

configure_and_build() {
  if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
  fi
  cmake --build "$BUILD_DIR" -j "$JOBS"
}
