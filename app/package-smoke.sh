#!/usr/bin/env bash
# Packaging smoke test: builds the .deb with the package profile, installs it on this machine
# (dpkg -i), starts the installed launcher under Xvfb with a fresh HOME and takes screenshots:
#   app/target/screenshots/installed-welcome.png  first run, no management plane chosen yet
#   app/target/screenshots/installed-app.png      connected to a sandbox fleet, tray host running
# The sandbox is started with the same installed binary and arguments (the CLI).
# Needs root (dpkg), xvfb, xdotool, imagemagick and trayer; .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
launcher=/opt/meridian/bin/Meridian
shots="$repo/app/target/screenshots"
deb="$repo/app/target/jpackage/meridian_0.1.0-1_amd64.deb"

step() { printf '\n== %s\n' "$*" >&2; }

step "build the .deb"
./mvnw -B -q -Ppackage package -DskipTests -pl app -am
ls -l "$deb" >&2

step "install it"
# jpackage's postinst registers the menu entry with xdg-desktop-menu, which fails with "No writable
# system menu directory found" where no desktop created these folders (minimal machines, CI).
mkdir -p /usr/share/applications /usr/share/desktop-directories
if ! dpkg -i "$deb"; then
  apt-get install -f -y -qq --no-install-recommends
  dpkg -i "$deb"
fi
test -x "$launcher"
dpkg -L meridian | grep -E '\.desktop$' >&2

step "time the installed launcher to its first frame, with and without its class data archive"
archive=/opt/meridian/lib/app/meridian.jsa
test -f "$archive" || { echo "the package's postinst made no class data archive ($archive)" >&2; exit 1; }
first_frame() { # a first run (no kubeconfig) to the first frame; prints milliseconds since process start
  local t; t=$(mktemp -d)
  HOME="$t" XDG_CONFIG_HOME="$t/config" XDG_STATE_HOME="$t/state" KUBECONFIG="$t/none" \
    MERIDIAN_STARTUP_REPORT=true MERIDIAN_STARTUP_EXIT=window \
    timeout 60 xvfb-run -a -s "-screen 0 1600x1000x24" "$launcher" 2>/dev/null | awk '/first window shown/ {print $4}'
  rm -rf "$t"
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR ? v[int((NR+1)/2)] : "-")}'; }
with=() without=()
for _ in 1 2 3 4 5; do
  with+=("$(first_frame)")
  mv "$archive" "$archive.off"; without+=("$(first_frame)"); mv "$archive.off" "$archive"
done
echo "installed launcher, first frame (ms, 5 launches each): with archive ${with[*]}; without ${without[*]}" >&2
echo "medians: with $(printf '%s\n' "${with[@]}" | median) ms, without $(printf '%s\n' "${without[@]}" | median) ms" >&2

work=$(mktemp -d)
mkdir -p "$shots"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" KUBECACHEDIR="$work/kube-cache"
mkdir -p "$HOME"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

step "start a sandbox fleet with the installed CLI"
setsid "$launcher" sandbox --dir "$work/sandbox" >"$work/sandbox.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  [ -s "$work/sandbox/kubeconfig" ] && grep -q "is running" "$work/sandbox.log" && break
  sleep 0.5
done
grep -q "is running" "$work/sandbox.log" || { cat "$work/sandbox.log" >&2; echo "sandbox did not start" >&2; exit 1; }
export KUBECONFIG="$work/sandbox/kubeconfig"

step "the installed CLI command: /usr/bin/meridian with its class data archive"
test -L /usr/bin/meridian || { echo "postinst made no /usr/bin/meridian" >&2; exit 1; }
test -f /opt/meridian/lib/app/meridian-cli.jsa || { echo "postinst made no CLI class data archive" >&2; exit 1; }
meridian --version >&2
HOME="$work/cli-home" meridian cluster list >&2
HOME="$work/cli-home" meridian cluster use eu-west >&2
test "$(kubectl config current-context)" = meridian_eu-west
HOME="$work/cli-home" meridian use - >&2
test "$(kubectl config current-context)" = meridian-sandbox

# Runs inside xvfb-run: the tray host, then the installed launcher twice.
cat >"$work/session.sh" <<'SESSION'
#!/usr/bin/env bash
set -euo pipefail
shots=$1 work=$2 launcher=$3
setsid trayer --edge top --align right --widthtype pixel --width 200 --height 24 >"$work/trayer.log" 2>&1 &
tray=$!
launch() { # $1: screenshot name, $2: window title to wait for
  setsid "$launcher" >"$work/$1.log" 2>&1 &
  local app=$!
  if ! timeout 90 bash -c "until xdotool search --name '^$2\$' >/dev/null 2>&1; do sleep 0.5; done"; then
    cat "$work/$1.log" >&2; kill -- "-$app" 2>/dev/null || true; echo "no window titled '$2'" >&2; exit 1
  fi
  sleep 6 # let the window paint and the fleet arrive before the screenshot
  import -window root "$shots/$1.png"
  kill -- "-$app"
  wait "$app" 2>/dev/null || true
  echo "window '$2' shown; screenshot $shots/$1.png; log:" >&2
  sed 's/^/  | /' "$work/$1.log" >&2
}
launch installed-welcome Meridian
mkdir -p "$XDG_CONFIG_HOME/meridian"
printf 'plane.context=meridian-sandbox\n' >"$XDG_CONFIG_HOME/meridian/settings.properties"
launch installed-app "Meridian - meridian-sandbox"
kill -- "-$tray" 2>/dev/null || true
SESSION
chmod +x "$work/session.sh"

step "start the installed launcher under Xvfb"
xvfb-run -a -s "-screen 0 1280x1024x24" "$work/session.sh" "$shots" "$work" "$launcher"
ls -l "$shots"/installed-*.png >&2
