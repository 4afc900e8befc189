#!/bin/sh
# Times the CLI's most used commands against kubectl's, as whole processes: medians of RUNS
# (default 7) interleaved runs of each, against a sandbox management plane over HTTPS, with the
# ratio to kubectl. Cases:
#   use-context   kubectl config use-context  |  meridian cluster use (launcher, java -jar)
#   --version     meridian --version (launcher, java -jar)
#   use -         kubectl config use-context (back)  |  meridian use - (launcher)
#   list          kubectl get clusters.management.loft.sh  |  meridian cluster list (launcher)
#   contexts      kubectl config get-contexts  |  meridian context list (launcher)
# each on a small kubeconfig and on one with 2,000 more contexts (about 2 MB); the lists over
# the sandbox's clusters plus CLUSTERS (default 2000) more. Needs a built app/target (the
# launcher app/target/meridian and app/target/meridian.jar): ./mvnw -B package -DskipTests.
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
CLUSTERS=${CLUSTERS:-2000}
JAR=app/target/meridian.jar
LAUNCHER=app/target/meridian
[ -x "$LAUNCHER" ] && [ -f "$JAR" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }
. app/sandbox-plane.sh
# A home of its own: meridian (which honours $HOME, as kubectl does) remembers 'use -' there, and
# kubectl keeps its discovery cache there.
export HOME="$TMP/home"
mkdir -p "$HOME"
start_plane
grep -q "is running" "$TMP/plane.out" || { echo "the sandbox plane did not start:" >&2; cat "$TMP/plane.out" >&2; exit 1; }

# The small kubeconfig: the sandbox's, with a context for eu-west written by the CLI itself.
cp "$TMP/plane/kubeconfig" "$TMP/small"
KUBECONFIG="$TMP/small" java -jar "$JAR" cluster use eu-west >/dev/null 2>&1
KUBECONFIG="$TMP/small" kubectl config use-context meridian-sandbox >/dev/null

# The big one: the same, then 2,000 contexts with their clusters and users (a CA each, as real ones carry).
ca=$(head -c 900 /dev/urandom | base64 -w0)
{
    cat "$TMP/small"
    echo "# generated"
} >"$TMP/big"
KUBECONFIG="$TMP/big" kubectl config view --raw -o yaml >"$TMP/big.base"
awk -v n=2000 -v ca="$ca" '
    /^clusters:/ { print; for (i = 0; i < n; i++) { printf "- name: gen-%d\n  cluster:\n    server: https://gen-%d.example.com\n    certificate-authority-data: %s\n", i, i, ca }; next }
    /^contexts:/ { print; for (i = 0; i < n; i++) { printf "- name: gen-%d\n  context:\n    cluster: gen-%d\n    user: gen-%d\n", i, i, i }; next }
    /^users:/    { print; for (i = 0; i < n; i++) { printf "- name: gen-%d\n  user:\n    token: token-%d\n", i, i }; next }
    { print }' "$TMP/big.base" >"$TMP/big"
echo "kubeconfigs: small $(wc -c <"$TMP/small") bytes, big $(wc -c <"$TMP/big") bytes"

# More Cluster objects in the plane, for the lists.
awk -v n="$CLUSTERS" 'BEGIN { print "apiVersion: v1\nkind: List\nitems:"; for (i = 0; i < n; i++) printf "- apiVersion: management.loft.sh/v1\n  kind: Cluster\n  metadata: {name: bench-%d}\n  spec: {displayName: Bench %d}\n", i, i }' >"$TMP/clusters.yaml"
# --validate=false: the simulated servers publish no OpenAPI for a kind: List
KUBECONFIG="$TMP/small" kubectl create --validate=false -f "$TMP/clusters.yaml" >/dev/null
echo "plane: $(KUBECONFIG="$TMP/small" kubectl get clusters.management.loft.sh -o name | wc -l) clusters"

# One timed run: $1 = label, $2 = kubeconfig, then the command. Milliseconds go to $TMP/<label>.
timed() {
    label=$1
    config=$2
    shift 2
    start=$(date +%s%N)
    KUBECONFIG="$config" "$@" >/dev/null 2>&1 || echo "warning: $label exited $?" >&2
    end=$(date +%s%N)
    echo $(((end - start) / 1000000)) >>"$TMP/$label"
}

round() {  # $1 = kubeconfig case (small or big)
    k="$TMP/$1"
    timed "$1 kubectl use-context" "$k" kubectl config use-context meridian_eu-west
    timed "$1 launcher cluster use" "$k" "$LAUNCHER" cluster use eu-west
    timed "$1 java -jar cluster use" "$k" java -jar "$JAR" cluster use eu-west
    timed "$1 kubectl use-context back" "$k" kubectl config use-context meridian-sandbox
    KUBECONFIG="$k" kubectl config use-context meridian_eu-west >/dev/null
    timed "$1 launcher use -" "$k" "$LAUNCHER" use -
    KUBECONFIG="$k" kubectl config use-context meridian-sandbox >/dev/null
    timed "$1 kubectl get-contexts" "$k" kubectl config get-contexts
    timed "$1 launcher context list" "$k" "$LAUNCHER" context list
    timed "$1 kubectl get clusters" "$k" kubectl get clusters.management.loft.sh
    timed "$1 launcher cluster list" "$k" "$LAUNCHER" cluster list
    timed "$1 launcher --version" "$k" "$LAUNCHER" --version
    timed "$1 java -jar --version" "$k" java -jar "$JAR" --version
}

round small # warm-up: caches, discovery, the plane's first answers
rm -f "$TMP"/small\ *
i=0
while [ "$i" -lt "$RUNS" ]; do
    round small
    round big
    i=$((i + 1))
done

median() { sort -n "$TMP/$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "medians of $RUNS interleaved runs, milliseconds; ratio to kubectl's command in the same case"
printf '%-34s %8s %8s\n' "command" "median" "ratio"
for case in small big; do
    switch=$(median "$case kubectl use-context")
    list=$(median "$case kubectl get clusters")
    back=$(median "$case kubectl use-context back")
    contexts=$(median "$case kubectl get-contexts")
    for label in "kubectl use-context" "launcher cluster use" "java -jar cluster use" "launcher --version" "java -jar --version"; do
        m=$(median "$case $label")
        printf '%-34s %8s %8s\n' "$case $label" "$m" "$(awk -v a="$m" -v b="$switch" 'BEGIN { printf "%.2fx", a / b }')"
    done
    for label in "kubectl get clusters" "launcher cluster list"; do
        m=$(median "$case $label")
        printf '%-34s %8s %8s\n' "$case $label" "$m" "$(awk -v a="$m" -v b="$list" 'BEGIN { printf "%.2fx", a / b }')"
    done
    for label in "kubectl use-context back" "launcher use -"; do
        m=$(median "$case $label")
        printf '%-34s %8s %8s\n' "$case $label" "$m" "$(awk -v a="$m" -v b="$back" 'BEGIN { printf "%.2fx", a / b }')"
    done
    for label in "kubectl get-contexts" "launcher context list"; do
        m=$(median "$case $label")
        printf '%-34s %8s %8s\n' "$case $label" "$m" "$(awk -v a="$m" -v b="$contexts" 'BEGIN { printf "%.2fx", a / b }')"
    done
done
