#!/usr/bin/env bash
# Loopback benchmark of the agent and the gateway against nginx as a reverse proxy and
# `kubectl proxy`, all in one run, so the figures are comparable as ratios.
#
#   proxy-agent/bench/run.sh [duration-seconds] [connections]
#
# Environment: ROUNDS (default 3; each figure is the median over rounds), WRK_THREADS (1),
# WARMUP (most seconds of load for each JVM before measuring, default 180), WATCHES (1000), KEEP=1
# keeps the work folder (configs, logs, audit logs) for inspection.
# Needs: wrk and nginx (apt-get install wrk nginx-light), kubectl, openssl, python3, curl,
# java 17, and the agent jar (./mvnw -pl proxy-agent -am package -DskipTests).
#
# Set-up, chosen so that no proxy is favoured:
# - The "API server" is its own nginx process (one worker, TLS) serving a small namespace
#   list, TokenReviews, and the management API the gateway reads (Clusters, Secrets). Every
#   proxy forwards to it over verified TLS with keep-alive connections.
# - nginx as the proxy under comparison is a second nginx process with one worker; the agent
#   and the gateway each run one event loop (their JVMs add GC, JIT and audit-writer threads);
#   kubectl proxy keeps Go's default GOMAXPROCS. The figures below say so.
# - The JVMs are warmed up with the same load until their JIT compilers are quiet before
#   measuring: a proxy in service is warm; nginx and kubectl proxy need no JIT warm-up.
# - Gateway routes: /kubernetes/cluster/direct goes from the gateway to the API server;
#   /kubernetes/cluster/via-agent goes from the gateway to the agent and then the API server.
set -euo pipefail

DURATION=${1:-10}
CONNS=${2:-16}
ROUNDS=${ROUNDS:-3}
WRK_THREADS=${WRK_THREADS:-1}
WARMUP=${WARMUP:-180}
WATCHES=${WATCHES:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/meridian-agent.jar}
JAVA_OPTS=${AGENT_JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseParallelGC}
WORK=$(mktemp -d /tmp/meridian-bench.XXXXXX)
chmod 755 "$WORK"  # the nginx worker (nobody) serves a file from here
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

for tool in wrk nginx kubectl openssl python3 java curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install wrk nginx-light (and kubectl, openssl, python3, curl)" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -pl proxy-agent -am package -DskipTests" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
UP=$(free_port); NGX=$(free_port); NGXLOG=$(free_port); AGENT=$(free_port); GW=$(free_port); KPROXY=$(free_port)
WATCHUP=$(free_port); QUIETUP=$(free_port)
echo "ports: upstream $UP, nginx $NGX and $NGXLOG (access log), agent $AGENT, gateway $GW, kubectl proxy $KPROXY, watch servers $WATCHUP $QUIETUP"

# --- TLS for the upstream ------------------------------------------------------------------
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$WORK/up.key" -out "$WORK/up.crt" 2>/dev/null
CA_DATA=$(base64 -w0 "$WORK/up.crt")

kubeconfig() {  # server, token [, ca-data]
  cat <<KC
apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: "$1"${3:+, certificate-authority-data: $3}}
users:
- name: u
  user: {token: $2}
contexts:
- name: c
  context: {cluster: c, user: u}
current-context: c
KC
}
kubeconfig "https://localhost:$UP" agent-token "$CA_DATA" > "$WORK/kubeconfig"
kubeconfig "https://localhost:$UP" gateway-token "$CA_DATA" > "$WORK/management.kubeconfig"

# --- what the API server stand-in answers ----------------------------------------------------
LIST='{"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"default"}},{"metadata":{"name":"kube-system"}}]}'
REVIEW='{"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","status":{"authenticated":true,"user":{"username":"bench","groups":["system:authenticated"]}}}'
ACCESS='{"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","status":{"allowed":true}}'
cluster() { echo "{\"apiVersion\":\"management.loft.sh/v1\",\"kind\":\"Cluster\",\"metadata\":{\"name\":\"$1\",\"resourceVersion\":\"1\"},\"spec\":{\"config\":{\"secretName\":\"cluster-$1\",\"secretNamespace\":\"loft\",\"key\":\"config\"}}}"; }
secret() { echo "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cluster-$1\",\"namespace\":\"loft\"},\"data\":{\"config\":\"$2\"}}"; }
CLUSTERS="{\"apiVersion\":\"management.loft.sh/v1\",\"kind\":\"ClusterList\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[$(cluster direct),$(cluster via-agent)]}"
SECRET_DIRECT=$(secret direct "$(kubeconfig "https://localhost:$UP" gateway-token "$CA_DATA" | base64 -w0)")
SECRET_VIA_AGENT=$(secret via-agent "$(kubeconfig "http://127.0.0.1:$AGENT/kubernetes/cluster" gateway-token | base64 -w0)")

python3 -c 'import sys; item="{\"metadata\":{\"name\":\"cm\"},\"data\":{\"k\":\"" + "x"*1000 + "\"}},"; n=50*1024*1024//len(item); sys.stdout.write("{\"kind\":\"ConfigMapList\",\"items\":[" + item*n + "{}]}")' > "$WORK/big.json"; chmod 644 "$WORK/big.json"

nginx_conf() {  # dir, server block(s)
  mkdir -p "$WORK/$1/logs"
  cat > "$WORK/$1/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $WORK/$1/logs/error.log warn;
pid $WORK/$1/nginx.pid;
worker_rlimit_nofile 20000;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $WORK/$1; proxy_temp_path $WORK/$1; fastcgi_temp_path $WORK/$1;
  uwsgi_temp_path $WORK/$1; scgi_temp_path $WORK/$1;
  keepalive_requests 1000000;
  $2
}
CONF
}
nginx_conf upstream "
  upstream watchsrv { server 127.0.0.1:$WATCHUP; }
  upstream quietsrv { server 127.0.0.1:$QUIETUP; }
  server {
    listen 127.0.0.1:$UP ssl;
    ssl_certificate $WORK/up.crt; ssl_certificate_key $WORK/up.key;
    default_type application/json;
    location = /api/v1/namespaces { if (\$arg_watch) { rewrite ^ /watch last; } return 200 '$LIST'; }
    location = /apis/authentication.k8s.io/v1/tokenreviews { return 201 '$REVIEW'; }
    location = /apis/authorization.k8s.io/v1/subjectaccessreviews { return 201 '$ACCESS'; }
    location = /api/v1/configmaps { alias $WORK/big.json; }
    # fabric8 tries a WebSocket watch first and falls back to a streaming GET on a plain 200.
    location = /apis/management.loft.sh/v1/clusters {
      if (\$http_upgrade) { return 200 '{}'; }
      if (\$arg_watch) { rewrite ^ /quiet last; }
      return 200 '$CLUSTERS';
    }
    location = /api/v1/namespaces/loft/secrets/cluster-direct { return 200 '$SECRET_DIRECT'; }
    location = /api/v1/namespaces/loft/secrets/cluster-via-agent { return 200 '$SECRET_VIA_AGENT'; }
    location = /watch { internal; proxy_pass http://watchsrv; proxy_buffering off; proxy_read_timeout 3600s; }
    location = /quiet { internal; proxy_pass http://quietsrv; proxy_buffering off; proxy_read_timeout 3600s; }
  }"
proxy_server() {  # port, extra directives: nginx as the reverse proxy under comparison
  cat <<SERVER
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  upstream api { server localhost:$UP; keepalive 64; }
  server {
    listen 127.0.0.1:$1;
    $2
    location /kubernetes/cluster/ {
      proxy_pass https://api/;
      proxy_http_version 1.1;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_buffering off; proxy_request_buffering off;
      proxy_ssl_verify on; proxy_ssl_trusted_certificate $WORK/up.crt; proxy_ssl_name localhost;
      proxy_ssl_session_reuse on;
    }
  }
SERVER
}
nginx_conf proxy "$(proxy_server "$NGX" "")"
# The agent audits every request; an ingress controller's nginx logs every request too (buffered).
nginx_conf proxylog "$(proxy_server "$NGXLOG" "access_log $WORK/proxylog/access.log combined buffer=64k flush=1s;")"

python3 "$HERE/watches.py" serve "$WATCHUP" & PIDS+=($!)
python3 "$HERE/watches.py" serve "$QUIETUP" quiet & PIDS+=($!)
nginx -p "$WORK/upstream" -c "$WORK/upstream/nginx.conf" & PIDS+=($!)
nginx -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf" & PIDS+=($!)
nginx -p "$WORK/proxylog" -c "$WORK/proxylog/nginx.conf" & PIDS+=($!)
wait_http() { for _ in $(seq 1 150); do curl -sk -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1" >&2; exit 3; }
wait_http "https://localhost:$UP/api/v1/namespaces"

# Every client of the bench comes from 127.0.0.1, as every client behind an ingress comes from
# its address: the per-client bounds (512 connections, 256 requests upstream) are raised so that
# the WATCHES watches can be opened; the requests measured use 16 connections, far below either.
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --bind-address 127.0.0.1 --port "$AGENT" --event-loops 1 \
  --max-connections-per-client $((WATCHES + 100)) --max-upstream-per-client $((WATCHES + 100)) \
  --admin-port -1 --kubeconfig "$WORK/kubeconfig" --audit-log "$WORK/audit.log" --trusted-proxy bench \
  >"$WORK/agent.out" 2>"$WORK/agent.err" &
AGENT_PID=$!; PIDS+=($AGENT_PID)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --mode gateway --bind-address 127.0.0.1 --port "$GW" --event-loops 1 \
  --admin-port -1 --kubeconfig "$WORK/management.kubeconfig" --audit-log "$WORK/gateway-audit.log" \
  >"$WORK/gateway.out" 2>"$WORK/gateway.err" &
GW_PID=$!; PIDS+=($GW_PID)
HOME=$WORK KUBECACHEDIR=$WORK/cache kubectl proxy --port="$KPROXY" --address=127.0.0.1 --kubeconfig="$WORK/kubeconfig" \
  >"$WORK/kproxy.log" 2>&1 & PIDS+=($!)

wait_http "http://127.0.0.1:$NGX/kubernetes/cluster/api/v1/namespaces"
wait_http "http://127.0.0.1:$NGXLOG/kubernetes/cluster/api/v1/namespaces"
wait_http "http://127.0.0.1:$AGENT/healthz"
wait_http "http://127.0.0.1:$GW/healthz"
wait_http "http://127.0.0.1:$KPROXY/api/v1/namespaces"

AUTH="Authorization: Bearer bench-token"
wait_route() {  # the gateway adds cluster routes from its first list of Clusters
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$1")" != 404 ] && return 0; sleep 0.2
  done
  echo "no gateway route: $1 (gateway log: $WORK/gateway.err)" >&2; tail -5 "$WORK/gateway.err" >&2; exit 3
}
PATH_NS=api/v1/namespaces
declare -A URL=(
  [upstream]="https://localhost:$UP/$PATH_NS"
  [nginx]="http://127.0.0.1:$NGX/kubernetes/cluster/$PATH_NS"
  [nginx+log]="http://127.0.0.1:$NGXLOG/kubernetes/cluster/$PATH_NS"
  [agent]="http://127.0.0.1:$AGENT/kubernetes/cluster/$PATH_NS"
  [gateway]="http://127.0.0.1:$GW/kubernetes/cluster/direct/$PATH_NS"
  [gateway+agent]="http://127.0.0.1:$GW/kubernetes/cluster/via-agent/$PATH_NS"
  [kubectl-proxy]="http://127.0.0.1:$KPROXY/$PATH_NS"
)
ORDER=(upstream nginx nginx+log agent gateway gateway+agent kubectl-proxy)
wait_route "${URL[gateway]}"
wait_route "${URL[gateway+agent]}"
for name in "${ORDER[@]}"; do
  code=$(curl -sk -o "$WORK/probe.out" -w '%{http_code}' -H "$AUTH" "${URL[$name]}")
  [ "$code" = 200 ] || echo "note: $name answers $code: $(head -c 300 "$WORK/probe.out")" >&2
done

NGINX_UP=$(pgrep -P "$(cat "$WORK/upstream/nginx.pid")" | tr '\n' ' ')
NGINX_PROXY=$(pgrep -P "$(cat "$WORK/proxy/nginx.pid")" | tr '\n' ' ')
NGINX_PROXYLOG=$(pgrep -P "$(cat "$WORK/proxylog/nginx.pid")" | tr '\n' ' ')
KPROXY_PID=$(pgrep -f "kubectl proxy --port=$KPROXY" | head -1)
declare -A PROCS=(
  [upstream]="$NGINX_UP" [nginx]="$NGINX_PROXY" [nginx+log]="$NGINX_PROXYLOG" [agent]="$AGENT_PID" [gateway]="$GW_PID"
  [gateway+agent]="$GW_PID $AGENT_PID" [kubectl-proxy]="$KPROXY_PID"
)

# A JVM is warm once its JIT compilers are done: load it in 5 s steps until compile time grows by
# less than 0.1 s in a step (jstat), or for WARMUP seconds at most. On a loaded 2-core machine
# the compilers need about a minute of CPU; measuring before that charges it to the proxy.
jit_seconds() { jstat -compiler "$1" 2>/dev/null | awk 'NR==2 {print $4}'; }
warm_up() {  # pid url
  local start=$SECONDS prev now
  prev=$(jit_seconds "$1")
  while [ $((SECONDS - start)) -lt "$WARMUP" ]; do
    wrk -t"$WRK_THREADS" -c"$CONNS" -d5s -H "$AUTH" "$2" >/dev/null
    now=$(jit_seconds "$1")
    [ -n "$now" ] && awk -v a="$prev" -v b="$now" 'BEGIN {exit !(b - a < 0.1)}' && break
    prev=$now
  done
  echo "  warm after $((SECONDS - start))s of load (JIT compile time so far: ${now:-?}s)"
}
echo "warming up the JVMs (until the JIT is quiet, at most ${WARMUP}s each):"
echo -n "agent:"; warm_up "$AGENT_PID" "${URL[agent]}"
echo -n "gateway:"; warm_up "$GW_PID" "${URL[gateway]}"
wrk -t"$WRK_THREADS" -c"$CONNS" -d5s -H "$AUTH" "${URL[gateway+agent]}" >/dev/null

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); printf "%.3f", v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); printf "%.3f", v } else if (v ~ /s$/) { sub(/s$/,"",v); printf "%.3f", v*1000 } else print v }'; }
# CPU time (user+sys, ms) of processes: less noisy than req/s on a shared machine.
cpu_ms() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo $((t * 1000 / $(getconf CLK_TCK))); }
# User time alone: the kernel's share (TCP on loopback) is about the same for every proxy, so the
# user time is where proxies differ.
user_ms() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14}' "/proc/$p/stat"))); done; echo $((t * 1000 / $(getconf CLK_TCK))); }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
declare -A RPS P50 P99 CPU USER REQS BAD
for name in "${ORDER[@]}"; do CPU[$name]=0; USER[$name]=0; REQS[$name]=0; BAD[$name]=0; done
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round/$ROUNDS" >&2
  for name in "${ORDER[@]}"; do
    # shellcheck disable=SC2086
    c0=$(cpu_ms ${PROCS[$name]}); u0=$(user_ms ${PROCS[$name]})
    out=$(wrk -t"$WRK_THREADS" -c"$CONNS" -d"${DURATION}s" --latency -H "$AUTH" "${URL[$name]}")
    # shellcheck disable=SC2086
    CPU[$name]=$(( ${CPU[$name]} + $(cpu_ms ${PROCS[$name]}) - c0 ))
    # shellcheck disable=SC2086
    USER[$name]=$(( ${USER[$name]} + $(user_ms ${PROCS[$name]}) - u0 ))
    RPS[$name]+="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out") "
    P50[$name]+="$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")") "
    P99[$name]+="$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")") "
    REQS[$name]=$(( ${REQS[$name]} + $(awk '/requests in/ {print $1}' <<<"$out") ))
    bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    BAD[$name]=$(( ${BAD[$name]} + ${bad:-0} ))
    grep -q "Socket errors" <<<"$out" && echo "$name: $(grep "Socket errors" <<<"$out")" >&2
  done
done
for name in "${ORDER[@]}"; do
  RPS[$name]=$(median <<<"${RPS[$name]}"); P50[$name]=$(median <<<"${P50[$name]}"); P99[$name]=$(median <<<"${P99[$name]}")
done

echo
echo "loopback, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$WRK_THREADS -c$CONNS, $ROUNDS rounds of ${DURATION}s, medians"
echo "GET /$PATH_NS; the API server stand-in is nginx over TLS (its own process, 1 worker)"
echo "proxies: nginx 1 worker process; agent and gateway 1 event loop each (JVM: $JAVA_OPTS);"
echo "         kubectl proxy with Go's default GOMAXPROCS ($(nproc)); gateway+agent = gateway -> agent -> API server"
printf "%-14s %10s %9s %9s %10s %12s %13s %9s\n" target "req/s" "p50 ms" "p99 ms" "vs nginx" "added p50" "p50-nginx's" "non-2xx"
for name in "${ORDER[@]}"; do
  printf "%-14s %10.0f %9.3f %9.3f %10.2f %12s %13s %9d\n" "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" \
    "$(awk -v a="${RPS[$name]}" -v b="${RPS[nginx]}" 'BEGIN {print a/b}')" \
    "$(awk -v a="${P50[$name]}" -v b="${P50[upstream]}" -v n="$name" 'BEGIN {if (n=="upstream") print "-"; else printf "%+.3f ms", a-b}')" \
    "$(awk -v a="${P50[$name]}" -v b="${P50[nginx]}" -v n="$name" 'BEGIN {if (n=="upstream") print "-"; else printf "%+.3f ms", a-b}')" \
    "${BAD[$name]}"
done
echo "(added p50 = the target's p50 minus the API server's own p50, measured directly)"
echo
echo "CPU per request, microseconds (user+sys of the processes named; the API server's is counted separately):"
cpu_per() { awk -v c="${CPU[$1]}" -v r="${REQS[$1]}" 'BEGIN {printf "%.1f", r ? c*1000/r : 0}'; }
user_per() { awk -v c="${USER[$1]}" -v r="${REQS[$1]}" 'BEGIN {printf "%.1f", r ? c*1000/r : 0}'; }
printf "  API server %s | nginx proxy %s | nginx with access log %s | agent %s | gateway %s | gateway+agent %s | kubectl proxy %s\n" \
  "$(cpu_per upstream)" "$(cpu_per nginx)" "$(cpu_per nginx+log)" "$(cpu_per agent)" "$(cpu_per gateway)" "$(cpu_per gateway+agent)" "$(cpu_per kubectl-proxy)"
echo "  of which user time: nginx proxy $(user_per nginx) | nginx with access log $(user_per nginx+log) | agent $(user_per agent) | gateway $(user_per gateway) | kubectl proxy $(user_per kubectl-proxy)"
echo "agent vs nginx: throughput $(awk -v a="${RPS[agent]}" -v b="${RPS[nginx]}" 'BEGIN {printf "%.2f", a/b}')x, CPU/request $(awk -v a="$(cpu_per agent)" -v b="$(cpu_per nginx)" 'BEGIN {printf "%.2f", a/b}')x"
echo "agent vs nginx with an access log (as the agent audits): throughput $(awk -v a="${RPS[agent]}" -v b="${RPS[nginx+log]}" 'BEGIN {printf "%.2f", a/b}')x (target >= 1.0), CPU/request $(awk -v a="$(cpu_per agent)" -v b="$(cpu_per nginx+log)" 'BEGIN {printf "%.2f", a/b}')x"
echo "agent vs kubectl proxy: throughput $(awk -v a="${RPS[agent]}" -v b="${RPS[kubectl-proxy]}" 'BEGIN {printf "%.2f", a/b}')x (target > 2)"
echo "agent added p50: $(awk -v a="${P50[agent]}" -v b="${P50[upstream]}" 'BEGIN {printf "%.3f", a-b}') ms (target < 0.3 ms)"
echo "central hop: gateway alone $(awk -v a="${RPS[gateway]}" -v b="${RPS[agent]}" 'BEGIN {printf "%.2f", a/b}')x the agent's throughput, gateway+agent $(awk -v a="${RPS[gateway+agent]}" -v b="${RPS[agent]}" 'BEGIN {printf "%.2f", a/b}')x"
[ "${BAD[gateway+agent]}" -gt 0 ] && echo "note: gateway+agent answers were not 2xx (see the note above): those figures are of refusals, not of proxied requests"
# shellcheck disable=SC2012
echo "audit lines written (all rotated files): agent $(cat "$WORK"/audit.log* | wc -l), gateway $(cat "$WORK"/gateway-audit.log* | wc -l)"
grep -h "audit queue full" "$WORK/agent.err" "$WORK/gateway.err" | tail -2 || echo "no audit events dropped"

# --- latency without queueing: one connection, one request at a time -------------------------
# With 16 connections in a closed loop, p50 is mostly time spent queued behind other requests
# (about connections / throughput); one connection shows what each hop adds to a single request.
echo
echo "one connection (wrk -t1 -c1, $((DURATION / 2 + 1))s each): p50 / p99 ms and added p50 vs the API server"
declare -A Q50 Q99
for name in "${ORDER[@]}"; do
  out=$(wrk -t1 -c1 -d"$((DURATION / 2 + 1))s" --latency -H "$AUTH" "${URL[$name]}")
  Q50[$name]=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")"); Q99[$name]=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  printf "  %-14s p50 %7.3f  p99 %7.3f  added p50 %s\n" "$name" "${Q50[$name]}" "${Q99[$name]}" \
    "$(awk -v a="${Q50[$name]}" -v b="${Q50[upstream]}" -v n="$name" 'BEGIN {if (n=="upstream") print "-"; else printf "%+.3f ms", a-b}')"
done

# --- a 50 MB list through the agent ----------------------------------------------------------
peak_rss() { local max=0 v; while kill -0 "$2" 2>/dev/null; do v=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"); [ "$v" -gt "$max" ] && max=$v; sleep 0.05; done; echo "$max"; }
before=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$AGENT_PID/status")
curl -s -o /dev/null -w '%{size_download} %{time_total}\n' -H "$AUTH" "http://127.0.0.1:$AGENT/kubernetes/cluster/api/v1/configmaps" > "$WORK/big.out" &
CURL=$!
peak=$(peak_rss "$AGENT_PID" "$CURL")
wait $CURL
read -r size secs < "$WORK/big.out"
echo
echo "50 MB list through the agent: $size bytes in ${secs}s, agent RSS ${before} MiB before, peak ${peak} MiB while streaming"

# --- memory with open watches ---------------------------------------------------------------
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
echo
echo "agent RSS after load: $(rss $AGENT_PID) MiB"
exec 7> >(python3 "$HERE/watches.py" open "http://127.0.0.1:$AGENT/kubernetes/cluster/api/v1/namespaces?watch=true" "$WATCHES" bench-token > "$WORK/watches.out" 2>&1)
for _ in $(seq 1 300); do grep -q "^open" "$WORK/watches.out" 2>/dev/null && break; grep -q Error "$WORK/watches.out" 2>/dev/null && break; sleep 0.2; done
cat "$WORK/watches.out"
echo "agent RSS with $WATCHES open watches: $(rss $AGENT_PID) MiB (target < 256 MiB)"
exec 7>&-
