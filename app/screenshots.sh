#!/bin/sh
# Renders the screenshots the README shows (main window at three sizes, light and dark; the detail pane; the install
# wizard after a failure and after a real install on the sandbox; the tray's menu) into DIR, default
# app/target/screenshots: app/screenshots.sh [DIR] [--all] [--no-sandbox]. --all adds the review set (editor,
# dialogs, wizard steps, welcome view). Needs: apt-get install xvfb libgtk-3-0 imagemagick xdotool trayer pngquant
set -eu
cd "$(dirname "$0")/.."
out="${1:-app/target/screenshots}"
[ $# -gt 0 ] && shift
./mvnw -B -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/app/target/test-classpath.txt" -Dmdep.includeScope=test
CP="app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 2560x1440x24 -br" \
    java -Dprism.order=sw -Dprism.lcdtext=false -cp "$CP" dev.meridian.app.ui.tools.Screenshots "$out" "$@"
if command -v pngquant >/dev/null; then
    # 256 colours hold these flat UI pictures without visible loss, at a third of the size
    pngquant --force --skip-if-larger --quality 80-100 --ext .png "$out"/*.png || true
fi
