#!/usr/bin/env bash
# Install the Tryton web client (sao) from npm into var/sao/package.
#
# sao's index.html loads node_modules/... next to itself, so its dependencies
# are installed inside the unpacked package folder; --legacy-peer-deps because
# its peer ranges conflict otherwise. [web] root points at var/sao/package.
# Idempotent: a stamp file records the installed version.
set -euo pipefail

SAO_VERSION="${SAO_VERSION:-8.0.11}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${SAO_DIR:-$ROOT/var/sao}"
STAMP="$DEST/.stamp-sao-$SAO_VERSION"

if [ -f "$STAMP" ] && [ -f "$DEST/package/index.html" ]; then
    echo "sao $SAO_VERSION already installed in $DEST/package"
    exit 0
fi

command -v npm >/dev/null || {
    echo "npm is required (Debian: apt-get install -y npm)" >&2; exit 1; }

rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
tarball="$(npm pack --silent "tryton-sao@$SAO_VERSION" | tail -n 1)"
tar -xzf "$tarball"
rm -f "$tarball"
cd package
npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=error
[ -f index.html ] || { echo "sao: index.html missing in $DEST/package" >&2; exit 1; }
touch "$STAMP"
echo "sao $SAO_VERSION installed in $DEST/package"
