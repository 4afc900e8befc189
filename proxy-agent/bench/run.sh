#!/usr/bin/env bash
# Loopback benchmark of the agent against an nginx reverse proxy and `kubectl proxy`, in one run.
#
#   proxy-agent/bench/run.sh [duration-seconds] [connections]
#
# Needs: wrk and nginx (apt-get install wrk nginx-light), kubectl, openssl, python3, java 17,
# and the agent jar (./mvnw -pl proxy-agent -am package -DskipTests).
# The upstream "API server" is nginx over TLS serving a small namespace list and answering
# TokenReviews, so every proxy pays the same upstream cost; the figures are ratios in one run.
set -euo pipefail

DURATION=${1:-10}
CONNS=${2:-16}
WATCHES=${WATCHES:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/meridian-agent.jar}
WORK=$(mktemp -d /tmp/meridian-bench.XXXXXX)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk nginx kubectl openssl python3 java; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install wrk nginx-light (and kubectl, openssl, python3)" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -pl proxy-agent -am package -DskipTests" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
UP=$(free_port); NGX=$(free_port); AGENT=$(free_port); KPROXY=$(free_port); WATCHUP=$(free_port)

# --- TLS for the upstream ------------------------------------------------------------------
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$WORK/up.key" -out "$WORK/up.crt" 2>/dev/null

LIST='{"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"default"}},{"metadata":{"name":"kube-system"}}]}'
REVIEW='{"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","status":{"authenticated":true,"user":{"username":"bench","groups":["system:authenticated"]}}}'

mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $WORK/nginx/logs/error.log warn;
pid $WORK/nginx/nginx.pid;
worker_rlimit_nofile 20000;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  keepalive_requests 1000000;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  upstream api { server localhost:$UP; keepalive 64; }
  upstream watchsrv { server 127.0.0.1:$WATCHUP; }
  # the API server stand-in
  server {
    listen 127.0.0.1:$UP ssl;
    ssl_certificate $WORK/up.crt; ssl_certificate_key $WORK/up.key;
    default_type application/json;
    location = /api/v1/namespaces { if (\$arg_watch) { rewrite ^ /watch last; } return 200 '$LIST'; }
    location = /apis/authentication.k8s.io/v1/tokenreviews { return 201 '$REVIEW'; }
    location = /watch { internal; proxy_pass http://watchsrv; proxy_buffering off; proxy_read_timeout 3600s; }
  }
  # nginx as the reverse proxy being compared
  server {
    listen 127.0.0.1:$NGX;
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
}
CONF

cat > "$WORK/kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
- name: up
  cluster: {server: "https://localhost:$UP", certificate-authority: "$WORK/up.crt"}
users:
- name: sa
  user: {token: agent-token}
contexts:
- name: up
  context: {cluster: up, user: sa}
current-context: up
KC

python3 "$HERE/watches.py" serve "$WATCHUP" & PIDS+=($!)
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" & PIDS+=($!)
java ${AGENT_JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseParallelGC} -jar "$JAR" --bind-address 127.0.0.1 --port "$AGENT" \
  --admin-port -1 --kubeconfig "$WORK/kubeconfig" --audit-log "$WORK/audit.log" >"$WORK/agent.out" 2>"$WORK/agent.err" &
AGENT_PID=$!; PIDS+=($AGENT_PID)
HOME=$WORK KUBECACHEDIR=$WORK/cache kubectl proxy --port="$KPROXY" --address=127.0.0.1 --kubeconfig="$WORK/kubeconfig" \
  >"$WORK/kproxy.log" 2>&1 & PIDS+=($!)

wait_http() { for _ in $(seq 1 100); do curl -sk -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1" >&2; exit 3; }
wait_http "https://localhost:$UP/api/v1/namespaces"
wait_http "http://127.0.0.1:$NGX/kubernetes/cluster/api/v1/namespaces"
wait_http "http://127.0.0.1:$AGENT/healthz"
wait_http "http://127.0.0.1:$KPROXY/api/v1/namespaces"

AUTH="Authorization: Bearer bench-token"
declare -A URL=(
  [upstream]="https://localhost:$UP/api/v1/namespaces"
  [nginx]="http://127.0.0.1:$NGX/kubernetes/cluster/api/v1/namespaces"
  [agent]="http://127.0.0.1:$AGENT/kubernetes/cluster/api/v1/namespaces"
  [kubectl-proxy]="http://127.0.0.1:$KPROXY/api/v1/namespaces"
)
ORDER=(upstream nginx agent kubectl-proxy)

# JIT warm-up for the agent, not measured
wrk -t2 -c"$CONNS" -d5s -H "$AUTH" "${URL[agent]}" >/dev/null

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); printf "%.3f", v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); printf "%.3f", v } else if (v ~ /s$/) { sub(/s$/,"",v); printf "%.3f", v*1000 } else print v }'; }
declare -A RPS P50 P99
for name in "${ORDER[@]}"; do
  out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -H "$AUTH" "${URL[$name]}")
  RPS[$name]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  P50[$name]=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  P99[$name]=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  [ -n "$errors" ] && echo "$name: $errors" >&2
done

echo
echo "loopback, $(nproc) cores, wrk -t2 -c$CONNS -d${DURATION}s, GET namespace list (upstream: nginx over TLS)"
printf "%-14s %12s %10s %10s %14s %16s\n" target "req/s" "p50 ms" "p99 ms" "req/s vs nginx" "p50 added vs up"
for name in "${ORDER[@]}"; do
  printf "%-14s %12.0f %10.3f %10.3f %14.2f %16.3f\n" "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" \
    "$(awk -v a="${RPS[$name]}" -v b="${RPS[nginx]}" 'BEGIN {print a/b}')" \
    "$(awk -v a="${P50[$name]}" -v b="${P50[upstream]}" 'BEGIN {print a-b}')"
done
echo "agent / kubectl proxy throughput: $(awk -v a="${RPS[agent]}" -v b="${RPS[kubectl-proxy]}" 'BEGIN {printf "%.2f", a/b}')"
echo "audit lines written by the agent: $(wc -l <"$WORK/audit.log")"

# --- memory with open watches ---------------------------------------------------------------
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
echo
echo "agent RSS after load: $(rss $AGENT_PID) MiB"
exec 7> >(python3 "$HERE/watches.py" open "http://127.0.0.1:$AGENT/kubernetes/cluster/api/v1/namespaces?watch=true" "$WATCHES" bench-token > "$WORK/watches.out" 2>&1)
for _ in $(seq 1 300); do grep -q "^open" "$WORK/watches.out" 2>/dev/null && break; grep -q Error "$WORK/watches.out" 2>/dev/null && break; sleep 0.2; done
cat "$WORK/watches.out"
echo "agent RSS with $WATCHES open watches: $(rss $AGENT_PID) MiB (target < 256 MiB)"
exec 7>&-
