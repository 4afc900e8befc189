#!/bin/sh
# Records the classes the desktop app loads from launch to its first clusters on screen, for the
# class data archive the build makes (app/target/meridian.jsa, see app/pom.xml): a first run on
# the sandbox fleet, then a start that reconnects to a remembered plane, merged. Run it again
# when start-up code changes much; classes missing from the list only load more slowly, and
# names that no longer exist are skipped when the archive is made.
#
# Needs xvfb-run and libgtk-3-0. Writes app/cds/meridian.classlist.gz.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl app -am package -DskipTests -Dmeridian.cds.skip=true
JAR=app/target/meridian.jar
. app/sandbox-plane.sh

run() {  # $1 = list file, $2 = kubeconfig, $3 = settings folder
    KUBECONFIG="$2" XDG_CONFIG_HOME="$3" XDG_STATE_HOME="$TMP/state" \
        xvfb java -XX:DumpLoadedClassList="$1" -Dprism.order=sw -Dmeridian.startup.exit=fleet -jar "$JAR" >/dev/null
}

run "$TMP/first.lst" "$TMP/no-kubeconfig" "$TMP/first-config"

start_plane
remember_plane "$TMP/plane-config"
run "$TMP/plane.lst" "$TMP/plane/kubeconfig" "$TMP/plane-config"

# One list: the first run's order, then what only the reconnect loaded. Lines with ids (classes of
# other loaders) are left out: the archive is for the JDK and the application class path.
echo "recorded: first run $(wc -l <"$TMP/first.lst") lines, reconnect $(wc -l <"$TMP/plane.lst" 2>/dev/null || echo 0) lines"
cat "$TMP/first.lst" "$TMP/plane.lst" | grep -v '^#' | grep -v ' id: ' | awk '!seen[$0]++' | gzip -9n >app/cds/meridian.classlist.gz
echo "app/cds/meridian.classlist.gz: $(gzip -dc app/cds/meridian.classlist.gz | wc -l) lines"
