#!/usr/bin/env bash
# bench/race.sh: decl against the real kubectl, side by side, on one machine in one run.
#
#   bench/race.sh [N]          N objects (default 1000): 10 Namespaces, then ConfigMaps, Deployments and Services
#                              spread over those 10 namespaces.
#   LATENCIES="0 20"           injected latency per request, in ms, of the API double (default "0 20": a local
#                              server, and a managed cluster across a network)
#   TIME_SCALE=1               the double's simulated time (1: a Deployment's Pods take about as long as on a
#                              small real cluster; 0.01: readiness almost free)
#   MEMORY_AT="1000 10000"     object counts at which the peak memory of a no-op `decl plan` is measured
#                              ("" skips it)
#   ONLY=""                    "decl" skips the kubectl side (to compare decl settings quickly)
#   APPLY_ARGS=""              extra arguments for `decl apply` (e.g. "--parallelism 50", to compare settings)
#   DECL_DIR=""                a folder holding a published decl.dll to race instead of the shipped form, which
#                              this script publishes: `dotnet publish -r <this machine's runtime>` (ReadyToRun,
#                              docs/decisions/ready-to-run.md)
#
# Each measurement starts the Kubernetes API double (tests/Declarative.Kubernetes.ApiServer) as a fresh process and
# stops it by pid. Measured per latency:
#   1. first apply, no waiting:   kubectl apply --server-side   vs  decl apply (objects say declarative.dev/wait: none)
#   2. first apply, ready:        kubectl apply --server-side + kubectl rollout status of every Deployment
#                                 vs  decl apply (waits for readiness itself)
#   3. no-op:                     kubectl diff --server-side    vs  decl plan
#                                 both once the cluster has settled (every Deployment Available, `kubectl wait`,
#                                 untimed): a no-op run is against a cluster where nothing is changing
# Wall time (seconds) and API requests (counted by the double, /_double/requests) for each, and the ratio
# kubectl/decl. Nothing here needs the internet; it needs dotnet and kubectl (/usr/bin/kubectl).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N="${1:-${N:-1000}}"
LATENCIES="${LATENCIES:-0 20}"
TIME_SCALE="${TIME_SCALE:-1}"
MEMORY_AT="${MEMORY_AT-1000 10000}"
KUBECTL="${KUBECTL:-kubectl}"
TOKEN="declarative-double-token"

work="$(mktemp -d)"
double_pid=""
stop_double() {
    if [[ -n "$double_pid" ]] && kill -0 "$double_pid" 2>/dev/null; then
        kill -TERM "$double_pid"
        wait "$double_pid" 2>/dev/null || true
    fi
    double_pid=""
}
cleanup() {
    stop_double
    rm -rf "$work"
}
trap cleanup EXIT

command -v "$KUBECTL" >/dev/null || { echo "error: kubectl is needed (set KUBECTL=...)" >&2; exit 1; }
echo "Building decl and the API double (Release)..." >&2
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)"
if [[ -z "${DECL_DIR:-}" ]]; then
    dotnet publish src/Declarative.Cli -c Release -r "$rid" --self-contained false -o "$work/decl" -v quiet --nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi
dotnet build tests/Declarative.Kubernetes.ApiServer -c Release -v quiet --nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
DECL_DLL="${DECL_DIR:-$work/decl}/decl.dll"
DOUBLE_DLL="$PWD/tests/Declarative.Kubernetes.ApiServer/bin/Release/net10.0/Declarative.Kubernetes.ApiServer.dll"

# generate DIR COUNT WAIT_NONE: a plain folder of manifests (an implicit decl project, and kubectl -f DIR input).
generate() {
    local dir="$1" count="$2" nowait="$3" annotations=""
    [[ "$nowait" == yes ]] && annotations=$'\n  annotations: {declarative.dev/wait: none}'
    mkdir -p "$dir"
    : >"$dir/00-namespaces.yaml"
    for n in $(seq 0 9); do
        printf -- '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: race-%d%s\n' "$n" "$annotations" >>"$dir/00-namespaces.yaml"
    done
    local i k ns file
    for n in $(seq 0 9); do : >"$dir/ns-$n.yaml"; done
    for ((i = 0; i < count - 10; i++)); do
        k=$((i / 3)); ns=$((k % 10)); file="$dir/ns-$ns.yaml"
        case $((i % 3)) in
            0) printf -- '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d\n  namespace: race-%d%s\ndata:\n  index: "%d"\n' "$k" "$ns" "$annotations" "$k" >>"$file" ;;
            1) printf -- '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-%d\n  namespace: race-%d%s\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: app-%d}\n  template:\n    metadata:\n      labels: {app: app-%d}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n' "$k" "$ns" "$annotations" "$k" "$k" >>"$file" ;;
            2) printf -- '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-%d\n  namespace: race-%d%s\nspec:\n  selector: {app: app-%d}\n  ports:\n  - port: 80\n' "$k" "$ns" "$annotations" "$k" >>"$file" ;;
        esac
    done
}

start_double() {
    local latency="$1" log="$work/double.log" server
    "$(command -v dotnet)" "$DOUBLE_DLL" --port 0 --kubeconfig-out "$work/kubeconfig" --time-scale "$TIME_SCALE" >"$log" 2>&1 &
    double_pid=$!
    for _ in $(seq 1 200); do
        grep -q '^Serving on ' "$log" && break
        kill -0 "$double_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    server="$(sed -n 's/^Serving on \([^,]*\).*/\1/p' "$log")"
    [[ -n "$server" ]] || { echo "error: the API double did not start" >&2; exit 1; }
    SERVER="$server"
    admin PUT /_double/faults "{\"latencyMilliseconds\": $latency}" >/dev/null
    rm -rf "$work/state"
}

admin() {
    curl -sk --fail -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+--data "$3"} "$SERVER$2"
}

requests() { admin GET /_double/requests | sed -n 's/.*"count":\([0-9]*\).*/\1/p'; }

# timed NAME CMD...: runs CMD (output to a log), records wall seconds and the double's request count.
timed() {
    local name="$1"; shift
    if [[ "${ONLY:-}" == decl && "$name" == k* ]]; then
        SECONDS_TAKEN=0; REQUESTS=0; return
    fi
    admin DELETE /_double/requests >/dev/null
    local start end
    start=$(date +%s.%N)
    if ! "$@" >"$work/$name.log" 2>&1; then
        echo "error: $name failed:" >&2; tail -20 "$work/$name.log" >&2; exit 1
    fi
    end=$(date +%s.%N)
    SECONDS_TAKEN=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    REQUESTS=$(requests)
}

decl() {
    DECLARATIVE_STATE_DIR="$work/state" DECLARATIVE_STATE_KEY="$STATE_KEY" dotnet "$DECL_DLL" "$@" --kubeconfig "$work/kubeconfig"
}

kubectl_ready() {
    "$KUBECTL" --kubeconfig "$work/kubeconfig" apply --server-side -f "$1"
    local file name ns
    for file in "$1"/ns-*.yaml; do
        ns="race-${file##*/ns-}"; ns="${ns%.yaml}"
        for name in $(grep -A2 '^kind: Deployment' "$file" | sed -n 's/^  name: //p'); do
            "$KUBECTL" --kubeconfig "$work/kubeconfig" rollout status "deployment/$name" -n "$ns" --timeout 10m
        done
    done
}

# settle DIR: waits, untimed, until every Deployment of DIR's namespaces is Available, so that a no-op run measures
# the client against a cluster where nothing changes (not the double still simulating the rollouts just applied).
settle() {
    local file ns
    for file in "$1"/ns-*.yaml; do
        ns="race-${file##*/ns-}"; ns="${ns%.yaml}"
        "$KUBECTL" --kubeconfig "$work/kubeconfig" wait --for=condition=Available deployment --all -n "$ns" --timeout 10m >/dev/null
    done
}

kubectl_diff() {
    # kubectl diff exits 1 when it finds differences (timed all the same), above 1 on an error.
    local code=0
    "$KUBECTL" --kubeconfig "$work/kubeconfig" diff --server-side -f "$1" || code=$?
    ((code <= 1))
}

STATE_KEY="$(head -c 32 /dev/urandom | base64)"
generate "$work/nowait/race" "$N" yes
generate "$work/ready/race" "$N" no

rows=()
row() { rows+=("| $1 | $2 | $3 s | $4 | $5 s | $6 | $(awk -v k="$3" -v d="$5" 'BEGIN { printf "%.1f", (d > 0 ? k / d : 0) }')x |"); }

for latency in $LATENCIES; do
    echo "Latency ${latency} ms: first apply without waiting..." >&2
    start_double "$latency"; timed k1 "$KUBECTL" --kubeconfig "$work/kubeconfig" apply --server-side -f "$work/nowait/race"; k_s=$SECONDS_TAKEN; k_r=$REQUESTS
    echo "  kubectl diff --server-side (no changes)..." >&2
    settle "$work/nowait/race"
    timed k3 kubectl_diff "$work/nowait/race"; kd_s=$SECONDS_TAKEN; kd_r=$REQUESTS
    stop_double
    start_double "$latency"; timed d1 decl apply "$work/nowait/race" --auto-approve ${APPLY_ARGS:-}; d_s=$SECONDS_TAKEN; d_r=$REQUESTS
    echo "  decl plan (no changes)..." >&2
    settle "$work/nowait/race"
    timed d3 decl plan "$work/nowait/race" --detailed-exitcode; dp_s=$SECONDS_TAKEN; dp_r=$REQUESTS
    stop_double
    row "first apply, no waiting" "$latency ms" "$k_s" "$k_r" "$d_s" "$d_r"

    echo "Latency ${latency} ms: first apply with readiness..." >&2
    start_double "$latency"; timed k2 kubectl_ready "$work/ready/race"; k_s=$SECONDS_TAKEN; k_r=$REQUESTS; stop_double
    start_double "$latency"; timed d2 decl apply "$work/ready/race" --auto-approve ${APPLY_ARGS:-}; d_s=$SECONDS_TAKEN; d_r=$REQUESTS; stop_double
    row "first apply, readiness (kubectl: + rollout status)" "$latency ms" "$k_s" "$k_r" "$d_s" "$d_r"
    row "no changes (kubectl diff --server-side / decl plan)" "$latency ms" "$kd_s" "$kd_r" "$dp_s" "$dp_r"
done

memory_rows=()
for count in $MEMORY_AT; do
    echo "Peak memory of a no-op decl plan at $count objects..." >&2
    generate "$work/mem-$count/race" "$count" yes
    start_double 0
    timed m1 decl apply "$work/mem-$count/race" --auto-approve
    settle "$work/mem-$count/race"
    admin DELETE /_double/requests >/dev/null
    /usr/bin/time -f '%M %e' -o "$work/mem.txt" env DECLARATIVE_STATE_DIR="$work/state" DECLARATIVE_STATE_KEY="$STATE_KEY" \
        dotnet "$DECL_DLL" plan "$work/mem-$count/race" --kubeconfig "$work/kubeconfig" --detailed-exitcode >"$work/mem.log" 2>&1 \
        || { echo "error: decl plan at $count objects:" >&2; tail -20 "$work/mem.log" >&2; exit 1; }
    read -r kb wall <"$work/mem.txt"
    memory_rows+=("| $count | $((kb / 1024)) MiB | $wall s | $(requests) |")
    stop_double
done

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); kubectl $("$KUBECTL" version --client -o json 2>/dev/null | sed -n 's/.*"gitVersion": "\([^"]*\)".*/\1/p' | head -1); decl $(dotnet "$DECL_DLL" --version); N=$N, time scale $TIME_SCALE"
echo
echo "| what | latency | kubectl | requests | decl | requests | kubectl/decl |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
if ((${#memory_rows[@]})); then
    echo
    echo "| objects | peak memory of a no-op decl plan | wall | requests |"
    echo "| --- | --- | --- | --- |"
    printf '%s\n' "${memory_rows[@]}"
fi
