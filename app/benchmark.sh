#!/bin/sh
# Prints the desktop app's launch-to-first-window time and the time to apply a refresh of 2,000
# clusters to the cluster table (with a plain TableView as baseline). Needs xvfb and libgtk-3-0.
#
# Launch is measured as users launch it, `java -jar app/target/meridian.jar`, in two cases:
#   first run:      no kubeconfig context at all, so the app starts its sandbox fleet in-process;
#   existing plane: a kubeconfig whose context reaches a running management plane (a sandbox in
#                   another process), remembered from last time, so the app reconnects to it.
# Times are from process start to the first laid-out frame ("window"), and to the first clusters
# in the table ("fleet"). Each run also starts an empty JavaFX window from the same jar: the
# baseline the ratios are taken against, as this machine's load varies from run to run.
#
# RUNS=N (default 5) sets the number of runs; JAVA_OPTS adds JVM options to the app's runs.
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
JAVA_OPTS=${JAVA_OPTS:-}
./mvnw -B -o -q -pl app -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/app/target/test-classpath.txt" -Dmdep.includeScope=test
JAR=app/target/meridian.jar
TMP=$(mktemp -d)
PLANE_PID=
cleanup() {
    [ -n "$PLANE_PID" ] && kill "$PLANE_PID" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

xvfb() {
    timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$@" 2>/dev/null || true
}

# Prints "<window ms> <fleet ms>" for one launch of the app; $1 is KUBECONFIG, $2 a fresh home.
launch() {
    mkdir -p "$2"
    [ "$1" = plane ] && kc="$TMP/plane/kubeconfig" || kc="$2/no-kubeconfig"
    if [ "$1" = plane ]; then
        mkdir -p "$2/config/meridian"
        echo "plane.context=meridian-sandbox" > "$2/config/meridian/settings.properties"
    fi
    # shellcheck disable=SC2086
    KUBECONFIG="$kc" XDG_CONFIG_HOME="$2/config" XDG_STATE_HOME="$2/state" xvfb \
        java -Dprism.order=sw -Dmeridian.startup.report=true -Dmeridian.startup.exit=fleet $JAVA_OPTS -jar "$JAR" \
        | awk '/first window shown/ {w=$(NF-4)} /fleet shown/ {f=$(NF-4)} END {print (w ? w : "-"), (f ? f : "-")}'
}

baseline() {
    xvfb java -Dprism.order=sw -cp "app/target/test-classes:$JAR" dev.meridian.app.ui.tools.EmptyWindowBaseline \
        | awk '/baseline/ {print $(NF-4)}'
}

median() {
    grep -v '^-$' | sort -n | awk '{v[NR]=$1} END {if (NR == 0) print "-"; else print v[int((NR+1)/2)]}'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b}'
}

echo "== management plane for the 'existing plane' case: a sandbox in its own process"
mkdir -p "$TMP/plane"
java -jar "$JAR" sandbox --dir "$TMP/plane" >"$TMP/plane/out.txt" 2>&1 &
PLANE_PID=$!
for _ in $(seq 1 120); do
    grep -q "is running" "$TMP/plane/out.txt" 2>/dev/null && break
    sleep 1
done
head -1 "$TMP/plane/out.txt"

echo "== launch: ms from process start to the first frame (window) and the first clusters (fleet), $RUNS runs"
printf '%-4s %9s %18s %18s\n' run baseline "first run w/f" "existing w/f"
for run in $(seq 1 "$RUNS"); do
    b=$(baseline)
    set -- $(launch first "$TMP/first-$run")
    fw=$1 ff=$2
    set -- $(launch plane "$TMP/plane-$run")
    pw=$1 pf=$2
    printf '%-4s %9s %18s %18s\n' "$run" "$b" "$fw/$ff" "$pw/$pf"
    echo "$b $fw $ff $pw $pf" >>"$TMP/runs.txt"
done
B=$(cut -d' ' -f1 "$TMP/runs.txt" | median)
FW=$(cut -d' ' -f2 "$TMP/runs.txt" | median)
FF=$(cut -d' ' -f3 "$TMP/runs.txt" | median)
PW=$(cut -d' ' -f4 "$TMP/runs.txt" | median)
PF=$(cut -d' ' -f5 "$TMP/runs.txt" | median)
echo "median of $RUNS: baseline empty window $B ms"
echo "  first run (sandbox):   first window $FW ms (ratio $(ratio "$FW" "$B")), fleet $FF ms (ratio $(ratio "$FF" "$B"))"
echo "  existing plane:        first window $PW ms (ratio $(ratio "$PW" "$B")), fleet $PF ms (ratio $(ratio "$PF" "$B"))"

echo "== table refresh"
CP="app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp "$CP" dev.meridian.app.fleet.ui.TableRefreshBenchmark
