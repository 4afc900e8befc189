#!/bin/sh
# Prints the desktop app's launch times, and the time to apply a refresh of 2,000 clusters to the
# cluster table (with a plain TableView as baseline). Needs xvfb, libgtk-3-0 and python3.
#
# Launch is measured as users launch it (README.md), `java -XX:SharedArchiveFile=app/target/meridian.jsa -jar app/target/meridian.jar`, in two cases:
#   first run:      no kubeconfig context at all, so the app starts its sandbox fleet in-process;
#   existing plane: a kubeconfig whose context reaches a running management plane (a sandbox in
#                   another process), remembered from last time, so the app reconnects to it.
# Times are in ms from launch:
#   window: the first frame on the screen that shows the window's layout, as app/first-frames.py sees
#           it on Xvfb's screen (a window is mapped blank first; that blank frame does not count);
#   blank:  how long the window was on the screen blank before that (issue 19: a white window);
#   cpu:    CPU time used by the first painted frame, which varies far less with the machine's load
#           than wall time does (the app's own report);
#   fleet:  the first clusters in the table (the app's own report).
# Each run also starts an empty JavaFX window (a line of text in it) from the same jar, measured
# the same way: the baseline the ratios are taken against, as this machine's load varies from run
# to run. Its blank time is what any JavaFX window shows before its first paint.
#
# The app is launched as README.md runs it, with the class data archive the build makes
# (-XX:SharedArchiveFile=app/target/meridian.jsa); CDS=0 launches it without.
# RUNS=N (default 5) sets the number of runs; JAVA_OPTS adds JVM options to the app's runs;
# COMPARE_JAR=<another build's meridian.jar> launches that one too in each run, for before/after
# (COMPARE_ARCHIVE=<its .jsa> with its archive).
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
JAVA_OPTS=${JAVA_OPTS:-}
COMPARE_JAR=${COMPARE_JAR:-}
COMPARE_ARCHIVE=${COMPARE_ARCHIVE:-}
CDS=${CDS:-1}
./mvnw -B -q -pl app -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/app/target/test-classpath.txt" -Dmdep.includeScope=test
JAR=app/target/meridian.jar
ARCHIVE=
if [ "$CDS" != 0 ]; then
    [ -f app/target/meridian.jsa ] || { echo "app/target/meridian.jsa is missing (built with -Dmeridian.cds.skip?)" >&2; exit 2; }
    ARCHIVE=app/target/meridian.jsa
fi
. app/sandbox-plane.sh

# Runs a command under Xvfb on a 1600x1000 screen for at most 120 s, watched by first-frames.py;
# its stderr and failure are ignored. $1 is a fresh folder for the screen's file.
watched() {
    screen=$1
    shift
    mkdir -p "$screen"
    timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24 -fbdir $screen" \
        python3 app/first-frames.py "$screen/Xvfb_screen0" "$@" 2>/dev/null || true
}

# Prints "<window ms> <blank ms> <cpu ms> <fleet ms>" for one launch of the app, "-" for what it did
# not see or report; $1 is the case, $2 a fresh folder for its settings and state, $3 the jar, $4
# its class data archive or nothing.
launch() {
    mkdir -p "$2"
    [ "$1" = plane ] && kc="$TMP/plane/kubeconfig" || kc="$2/no-kubeconfig"
    [ "$1" = plane ] && remember_plane "$2/config"
    # shellcheck disable=SC2086
    KUBECONFIG="$kc" XDG_CONFIG_HOME="$2/config" XDG_STATE_HOME="$2/state" watched "$2/screen" \
        java ${4:+-XX:SharedArchiveFile=$4} -Dprism.order=sw -Dmeridian.startup.report=true \
        -Dmeridian.startup.exit=fleet $JAVA_OPTS -jar "$3" | frames '/fleet shown/ {f=$3}'
}

# Prints "<window ms> <blank ms> <cpu ms> -" for an empty JavaFX window started from the same jar.
baseline() {
    watched "$TMP/baseline-$1" java -Dprism.order=sw -cp "app/target/test-classes:$JAR" \
        dev.meridian.app.ui.tools.EmptyWindowBaseline | frames ''
}

# Reads first-frames.py's and a startup report's lines; $1 is more awk, setting f (fleet ms).
frames() {
    awk "/frame mapped/ {m=\$3} /frame with layout/ {w=\$4} /window shown:/ {c=\$(NF-2)} $1
         END {print (w ? w : \"-\"), (w && m ? w - m : \"-\"), (c ? c : \"-\"), (f ? f : \"-\")}"
}

median() {
    grep -v '^-$' | sort -n | awk '{v[NR]=$1} END {if (NR == 0) print "-"; else print v[int((NR+1)/2)]}'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b}'
}

echo "== management plane for the 'existing plane' case: a sandbox in its own process"
start_plane
head -1 "$TMP/plane.out"

echo "== launch, $RUNS runs: ms from launch to the first frame with the window's layout (window), ms it"
echo "   was blank before (blank), CPU ms used by then (cpu), ms to the first clusters in the table (fleet)"
printf '%-4s %-8s %20s %26s %26s\n' run jar "baseline w/blank/cpu" "first run w/blank/cpu/fleet" "existing w/blank/cpu/fleet"
for run in $(seq 1 "$RUNS"); do
    set -- $(baseline "$run")
    b="$1 $2 $3"
    for jar in "$JAR" $COMPARE_JAR; do
        [ "$jar" = "$JAR" ] && label=this || label=compare
        [ "$label" = this ] && archive=$ARCHIVE || archive=$COMPARE_ARCHIVE
        set -- $(launch first "$TMP/first-$label-$run" "$jar" "$archive")
        f="$1 $2 $3 $4"
        set -- $(launch plane "$TMP/plane-$label-$run" "$jar" "$archive")
        p="$1 $2 $3 $4"
        echo "$b $f $p" >>"$TMP/runs-$label.txt"
        printf '%-4s %-8s %20s %26s %26s\n' "$run" "$label" "$(echo "$b" | tr ' ' /)" "$(echo "$f" | tr ' ' /)" \
            "$(echo "$p" | tr ' ' /)"
    done
done
col() {
    cut -d' ' -f"$1" "$TMP/runs-$label.txt" | median
}
for label in this ${COMPARE_JAR:+compare}; do
    B=$(col 1) BB=$(col 2) BC=$(col 3)
    [ "$label" = this ] && echo "median of $RUNS, $JAR:" || echo "median of $RUNS, $COMPARE_JAR:"
    echo "  baseline empty window $B ms, blank $BB ms, $BC ms cpu"
    for c in "first run (sandbox):4" "existing plane:8"; do
        name=${c%:*} i=${c#*:}
        W=$(col "$i") K=$(col $((i + 1))) C=$(col $((i + 2))) F=$(col $((i + 3)))
        printf '  %-20s window %s ms (ratio %s), blank %s ms, cpu %s ms (ratio %s), fleet %s ms (ratio %s)\n' \
            "$name" "$W" "$(ratio "$W" "$B")" "$K" "$C" "$(ratio "$C" "$BC")" "$F" "$(ratio "$F" "$B")"
    done
done

echo "== table refresh"
CP="app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp "$CP" dev.meridian.app.ui.fleet.TableRefreshBenchmark
