#!/usr/bin/env bash
# Builds MicroPython's unix port with sys.settrace, and mpy-cross, from Debian trixie's source package
# (bookworm has no MicroPython with settrace). The system's apt configuration is left untouched: the
# trixie source list and its package lists live in a private folder.
#
# The binaries are cached outside the repository, in $DAPKIT_CACHE (default ~/.cache/dapkit), and rebuilt
# only when missing. The last line printed is the path of the micropython binary; tests find it through
# the environment variable DAPKIT_MICROPYTHON or this cache.
#
# Usage: scripts/build-micropython.sh [--force]
set -euo pipefail

version=1.25.0+ds-1
cache=${DAPKIT_CACHE:-$HOME/.cache/dapkit}
out=$cache/micropython-${version%%+*}-settrace
force=${1:-}

log() { printf '%s\n' "$*" >&2; }

if [ "$force" != --force ] && [ -x "$out/micropython" ] && [ -x "$out/mpy-cross" ]; then
  log "MicroPython with settrace is cached in $out"
  echo "$out/micropython"
  exit 0
fi

need=()
command -v dpkg-source >/dev/null || need+=(dpkg-dev)
command -v make >/dev/null || need+=(make)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v python3 >/dev/null || need+=(python3)
command -v xz >/dev/null || need+=(xz-utils)
if [ ${#need[@]} -gt 0 ]; then
  log "installing build tools: ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt_dir=$work/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/sources.list.d"
echo "deb-src http://deb.debian.org/debian trixie main" >"$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
  -o "Dir::State::Lists=$apt_dir/lists" -o "APT::Sandbox::User=root")

log "fetching micropython $version source from Debian trixie"
apt-get "${apt_opts[@]}" update -qq >&2
(cd "$work" && apt-get "${apt_opts[@]}" source --download-only "micropython=$version" -qq >&2)
(cd "$work" && dpkg-source --no-check -x micropython_*.dsc src >/dev/null)

jobs=$(nproc 2>/dev/null || echo 2)
log "building mpy-cross"
make -s -C "$work/src/mpy-cross" -j"$jobs" >&2
log "building the unix port with MICROPY_PY_SYS_SETTRACE=1"
make -s -C "$work/src/ports/unix" -j"$jobs" \
  MICROPY_PY_BTREE=0 MICROPY_PY_SSL=0 MICROPY_PY_FFI=0 \
  FROZEN_MANIFEST="$work/src/debian/config/manifest.py" \
  CFLAGS_EXTRA=-DMICROPY_PY_SYS_SETTRACE=1 >&2

mkdir -p "$out"
install -m 755 "$work/src/ports/unix/build-standard/micropython" "$out/micropython"
install -m 755 "$work/src/mpy-cross/build/mpy-cross" "$out/mpy-cross"
"$out/micropython" -c 'import sys; sys.settrace(None); print("micropython", sys.implementation.version, "with settrace")' >&2
log "MicroPython with settrace is cached in $out"
echo "$out/micropython"
