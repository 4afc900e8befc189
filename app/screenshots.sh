#!/bin/sh
# Renders the desktop app's main window, endpoint editor, install wizard and welcome view, light and dark, into
# app/target/screenshots/ against a mock management plane. Needs: apt-get install xvfb libgtk-3-0
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/app/target/test-classpath.txt" -Dmdep.includeScope=test
CP="app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" \
    java -Dprism.order=sw -Dprism.lcdtext=false -cp "$CP" dev.meridian.app.ui.tools.Screenshots app/target/screenshots
