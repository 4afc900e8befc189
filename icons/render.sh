#!/bin/sh
# Renders every icons/src/*.svg to icons/png/<name>-<size>.png and builds
# icons/meridian.ico and icons/meridian.icns from the app icon's PNGs.
# Where a source <name>-small.svg exists, the sizes up to SMALL_MAX px of <name>
# come from it (the same mark drawn on the 16 px pixel grid); it has no PNGs of
# its own.
#
# Idempotent: the outputs depend only on the sources, so running it twice gives
# byte-identical files. Each file is written to a temporary name first and moved
# into place, so an interrupted run never leaves a half-written icon.
#
# Needs (Debian 12): apt-get install librsvg2-bin imagemagick icnsutils
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
SRC="$HERE/src"
PNG="$HERE/png"
SIZES="16 24 32 48 64 128 256 512"
SMALL_MAX=24
ICO_SIZES="16 24 32 48 64 128 256"    # the .ico format stops at 256
ICNS_SIZES="16 32 48 128 256 512"     # the sizes png2icns has icon types for

fail() {
    echo "render.sh: $*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 || fail "'$1' not found; install it with: apt-get install $2"
}

need rsvg-convert librsvg2-bin
need convert imagemagick
need png2icns icnsutils
# A stand-in named 'convert' may sit on the PATH without ImageMagick behind it.
convert -version 2>/dev/null | grep -q ImageMagick \
    || fail "'convert' is not ImageMagick's; install it with: apt-get install imagemagick"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

set -- "$SRC"/*.svg
[ -e "$1" ] || fail "no SVG sources in $SRC"
mkdir -p "$PNG"

for svg in "$@"; do
    name=$(basename "$svg" .svg)
    case "$name" in *-small) continue ;; esac
    for size in $SIZES; do
        out="$PNG/$name-$size.png"
        from="$svg"
        if [ "$size" -le "$SMALL_MAX" ] && [ -e "$SRC/$name-small.svg" ]; then
            from="$SRC/$name-small.svg"
        fi
        rsvg-convert --width "$size" --height "$size" --format png \
            --output "$TMP/$name-$size.png" "$from" \
            || fail "could not render $from at $size px"
        mv "$TMP/$name-$size.png" "$out"
    done
    echo "rendered $name ($SIZES px)"
done

app_pngs() {
    for size in $1; do
        printf '%s ' "$PNG/meridian-$size.png"
    done
}

# Windows icon: one entry per size, date chunks left out so reruns are identical.
# shellcheck disable=SC2046
convert $(app_pngs "$ICO_SIZES") -define png:exclude-chunks=date,time \
    +set date:create +set date:modify "$TMP/meridian.ico" \
    || fail "could not build meridian.ico"
mv "$TMP/meridian.ico" "$HERE/meridian.ico"
echo "built meridian.ico ($ICO_SIZES px)"

# macOS icon.
# shellcheck disable=SC2046
png2icns "$TMP/meridian.icns" $(app_pngs "$ICNS_SIZES") >"$TMP/png2icns.log" 2>&1 \
    || { cat "$TMP/png2icns.log" >&2; fail "could not build meridian.icns"; }
mv "$TMP/meridian.icns" "$HERE/meridian.icns"
echo "built meridian.icns ($ICNS_SIZES px)"
