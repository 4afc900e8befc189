#!/bin/sh
# Records the classes the CLI loads for the commands people run most, for the CLI's class data
# archive (app/target/meridian-cli.jsa, used by the app/target/meridian launcher; see app/pom.xml):
# --version, context list, cluster list, cluster use and use - against a sandbox plane, merged. Run it
# again when the CLI's start-up code changes much; classes missing from the list only load more
# slowly, and names that no longer exist are skipped when the archive is made.
#
# Writes app/cds/meridian-cli.classlist.gz.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl app -am package -DskipTests -Dmeridian.cds.skip=true
JAR=app/target/meridian.jar
. app/sandbox-plane.sh
start_plane
cp "$TMP/plane/kubeconfig" "$TMP/kubeconfig"

cli() {  # $1 = list name, then the command's arguments
    list="$TMP/$1.lst"
    shift
    HOME="$TMP/home" KUBECONFIG="$TMP/kubeconfig" java -XX:DumpLoadedClassList="$list" -Duser.home="$TMP/home" \
        -cp "$JAR" dev.meridian.app.Main "$@" >/dev/null 2>&1 || true
}

cli version --version
cli contexts context list
cli clusters cluster list
cli use-direct cluster use eu-west
cli use-central cluster use ap-south
cli back use -

# One list in the order the commands ran; lines with ids (classes of other loaders) are left out.
for list in version contexts clusters use-direct use-central back; do
    echo "recorded: $list $(wc -l <"$TMP/$list.lst") lines"
done
cat "$TMP/version.lst" "$TMP/contexts.lst" "$TMP/clusters.lst" "$TMP/use-direct.lst" "$TMP/use-central.lst" "$TMP/back.lst" |
    grep -v '^#' | grep -v ' id: ' | awk '!seen[$0]++' | gzip -9n >app/cds/meridian-cli.classlist.gz
echo "app/cds/meridian-cli.classlist.gz: $(gzip -dc app/cds/meridian-cli.classlist.gz | wc -l) lines"
