# Sourced by the app's measuring scripts (benchmark.sh, cds/record-classlist.sh), POSIX sh, from the
# project root with JAR set: a scratch folder removed on exit, a sandbox management plane in a
# process of its own, and the app run under Xvfb.

TMP=$(mktemp -d)
PLANE_PID=
cleanup() {
    [ -n "$PLANE_PID" ] && kill "$PLANE_PID" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

# Starts a sandbox fleet in $TMP/plane (its kubeconfig: $TMP/plane/kubeconfig, its output:
# $TMP/plane.out) and waits until it says it is running.
start_plane() {
    # the sandbox adds its context to $KUBECONFIG (else ~/.kube/config): keep it in the scratch folder
    HOME="$TMP/home" KUBECONFIG="$TMP/user-kubeconfig" java -Duser.home="$TMP/home" -jar "$JAR" sandbox --dir "$TMP/plane" \
        >"$TMP/plane.out" 2>&1 &
    PLANE_PID=$!
    for _ in $(seq 1 120); do
        grep -q "is running" "$TMP/plane.out" 2>/dev/null && break
        sleep 1
    done
}

# Settings in $1 (an XDG_CONFIG_HOME) that make the app reconnect to the sandbox plane.
remember_plane() {
    mkdir -p "$1/meridian"
    echo "plane.context=meridian-sandbox" >"$1/meridian/settings.properties"
}

# Runs a command under Xvfb on a 1600x1000 screen for at most 120 s; its stderr and failure are ignored.
xvfb() {
    timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$@" 2>/dev/null || true
}
