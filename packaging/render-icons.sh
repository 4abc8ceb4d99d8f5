#!/usr/bin/env bash
# Regenerates every raster form of the application icon from the one SVG source, so the committed PNG, ICO
# and ICNS files never drift from it. Needs rsvg-convert (librsvg2-bin), icotool (icoutils) and png2icns
# (icnsutils). Run it after editing the SVG and commit the results.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_ID="io.github.modelarts_image_manager"
SVG="$HERE/linux/icons/hicolor/scalable/apps/$APP_ID.svg"
HICOLOR="$HERE/linux/icons/hicolor"

for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null || { echo "render-icons: $tool is missing" >&2; exit 1; }
done

for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "$HICOLOR/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" --output "$HICOLOR/${size}x${size}/apps/$APP_ID.png" "$SVG"
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Windows wants 16..256 in one .ico; the 256 px entry is stored as PNG (icotool -r).
icotool --create --output "$HERE/windows/modelarts-image-manager.ico" \
    "$HICOLOR/16x16/apps/$APP_ID.png" "$HICOLOR/24x24/apps/$APP_ID.png" \
    "$HICOLOR/32x32/apps/$APP_ID.png" "$HICOLOR/48x48/apps/$APP_ID.png" \
    "$HICOLOR/64x64/apps/$APP_ID.png" "$HICOLOR/128x128/apps/$APP_ID.png" \
    --raw="$HICOLOR/256x256/apps/$APP_ID.png"

# macOS: png2icns picks the icon type from each PNG's size; 512 px covers the Retina 256@2x slot.
rsvg-convert --width 512 --height 512 --output "$WORK/512.png" "$SVG"
png2icns "$HERE/macos/modelarts-image-manager.icns" \
    "$HICOLOR/16x16/apps/$APP_ID.png" "$HICOLOR/32x32/apps/$APP_ID.png" \
    "$HICOLOR/48x48/apps/$APP_ID.png" "$HICOLOR/128x128/apps/$APP_ID.png" \
    "$HICOLOR/256x256/apps/$APP_ID.png" "$WORK/512.png" >/dev/null
