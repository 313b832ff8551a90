#!/usr/bin/env bash
# The README's main job. Builds `decl`, checks examples/kubia offline (validate, graph), then plans and applies
# examples/plain-manifests against a LOCAL KUBERNETES API SIMULATOR: the project's API double
# (tests/Declarative.Kubernetes.ApiServer), started here as a process and stopped by its pid at the end.
# To use a real cluster instead (kind, minikube...), skip the double and run decl with your kubeconfig:
#   decl apply examples/plain-manifests --context kind-kind --auto-approve
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: dotnet is not on PATH. Install the .NET 10 SDK (global.json names the version) and run scripts/demo.sh again." >&2
    exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/decl-demo.XXXXXX")"
double_pid=""
cleanup() {
    if [[ -n "$double_pid" ]] && kill -0 "$double_pid" 2>/dev/null; then
        kill -TERM "$double_pid"
        wait "$double_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Declarative.Cli -c Release -v quiet --nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build tests/Declarative.Kubernetes.ApiServer -c Release -v quiet --nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

decl() {
    echo
    echo "\$ decl $*"
    dotnet src/Declarative.Cli/bin/Release/net10.0/decl.dll "$@"
}

decl validate examples/kubia
decl graph examples/kubia --env dev

echo
echo "Starting the Kubernetes API double (a local API simulator, not a real cluster)..."
dotnet tests/Declarative.Kubernetes.ApiServer/bin/Release/net10.0/Declarative.Kubernetes.ApiServer.dll \
    --port 0 --kubeconfig-out "$work/kubeconfig" --time-scale 0.05 >"$work/double.log" 2>&1 &
double_pid=$!
for _ in $(seq 1 150); do
    grep -q '^Serving on ' "$work/double.log" && break
    kill -0 "$double_pid" 2>/dev/null || { cat "$work/double.log"; exit 1; }
    sleep 0.2
done
grep '^Serving on ' "$work/double.log" || { echo "the API double did not start"; exit 1; }

# State and its key stay in the temporary folder, so the demo leaves nothing behind.
export DECLARATIVE_STATE_DIR="$work/state"
DECLARATIVE_STATE_KEY="$(head -c 32 /dev/urandom | base64)"
export DECLARATIVE_STATE_KEY

decl plan examples/plain-manifests --kubeconfig "$work/kubeconfig"
decl apply examples/plain-manifests --kubeconfig "$work/kubeconfig" --auto-approve
decl plan examples/plain-manifests --kubeconfig "$work/kubeconfig" --detailed-exitcode
decl history examples/plain-manifests
