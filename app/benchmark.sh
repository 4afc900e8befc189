#!/bin/sh
# Prints the desktop app's launch-to-first-window time and the time to apply a refresh of 2,000
# clusters to the cluster table (with a plain TableView as baseline). Needs xvfb and libgtk-3-0.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -o -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/app/target/test-classpath.txt" -Dmdep.includeScope=test
CP="app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "== launch to first window (3 runs, no management plane: welcome view)"
for run in 1 2 3; do
    # The app keeps running once shown; timeout ends it after it has reported.
    KUBECONFIG="$TMP/none" XDG_CONFIG_HOME="$TMP/config" timeout 40 \
        xvfb-run -a -s "-screen 0 1600x1000x24" \
        java -Dprism.order=sw -Dmeridian.startup.report=true -Dmeridian.startup.exit=true \
        -cp "$CP" dev.meridian.app.Main 2>/dev/null | grep "first window" || true
done
echo "== baseline: an empty JavaFX window in the same JVM setup (3 runs)"
for run in 1 2 3; do
    timeout 40 xvfb-run -a -s "-screen 0 1600x1000x24" \
        java -Dprism.order=sw -cp "$CP" dev.meridian.app.ui.tools.EmptyWindowBaseline 2>/dev/null | grep baseline || true
done
echo "== table refresh"
xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp "$CP" dev.meridian.app.fleet.ui.TableRefreshBenchmark
