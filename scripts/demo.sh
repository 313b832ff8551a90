#!/usr/bin/env bash
# The README's main job: the journey of examples/kubia (chapter 2 of "Kubernetes in Action") on this machine.
#   1. scripts/ensure-docker.sh makes sure a Docker engine runs (it installs and starts one when none answers);
#   2. scripts/kubia-base-images.sh provides node and registry base images (built FROM scratch out of the host's
#      binaries when node:22-alpine and registry:2 cannot be pulled, as on a machine without a public registry);
#   3. `decl plan` / `decl apply examples/kubia --env local`: the project's registry container on 127.0.0.1:5050,
#      the kubia image built and pushed there, the kubia container on 127.0.0.1:8080; curl answers; plan again is
#      "No changes.";
#   4. the same image goes to the `dev` environment on a LOCAL KUBERNETES API SIMULATOR (the project's API double,
#      tests/Declarative.Kubernetes.ApiServer, started here as a process and stopped by its pid): the Deployment
#      runs the pinned 127.0.0.1:5050/kubia:in1-...@sha256:... without a rebuild.
# To use a real cluster instead, skip the double and run decl with your kubeconfig (see examples/kubia/README.md).
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
    # The demo's state lives in $work: remove what the local environment runs, so nothing outlives it.
    if command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1; then
        docker ps -aq --filter label=declarative.dev/project=kubia --filter label=declarative.dev/environment=local | xargs -r docker rm -f >/dev/null
        docker volume ls -q --filter label=declarative.dev/project=kubia --filter label=declarative.dev/environment=local | xargs -r docker volume rm >/dev/null
    fi
    if declare -F declarative_docker_stop >/dev/null; then
        declarative_docker_stop
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

# State and its key stay in the temporary folder, so the demo leaves nothing behind.
export DECLARATIVE_STATE_DIR="$work/state"
DECLARATIVE_STATE_KEY="$(head -c 32 /dev/urandom | base64)"
export DECLARATIVE_STATE_KEY

echo
echo "Making sure a Docker engine runs (scripts/ensure-docker.sh)..."
# shellcheck source=scripts/ensure-docker.sh
source scripts/ensure-docker.sh
# shellcheck source=scripts/kubia-base-images.sh
source scripts/kubia-base-images.sh
kubia_values=(--set-string "baseImage=$KUBIA_BASE_IMAGE" --set-string "registryImage=$KUBIA_REGISTRY_IMAGE")

decl validate examples/kubia
decl graph examples/kubia --env local
decl plan examples/kubia --env local "${kubia_values[@]}"
decl apply examples/kubia --env local "${kubia_values[@]}" --auto-approve

echo
echo "\$ curl -s 127.0.0.1:8080"
answer=""
for _ in $(seq 1 50); do
    answer="$(curl -s --max-time 2 127.0.0.1:8080 || true)"
    [[ -n "$answer" ]] && break
    sleep 0.2
done
echo "$answer"
[[ "$answer" == "You've hit "* ]] || { echo "error: kubia did not answer on 127.0.0.1:8080" >&2; exit 1; }

decl plan examples/kubia --env local "${kubia_values[@]}" --detailed-exitcode

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

# The same image, already in the registry: the dev plan pins it by digest and builds nothing.
dev=(--env dev --kubeconfig "$work/kubeconfig" --context double "${kubia_values[@]}")
decl plan examples/kubia "${dev[@]}"
decl apply examples/kubia "${dev[@]}" --auto-approve
decl plan examples/kubia "${dev[@]}" --detailed-exitcode
decl history examples/kubia --env dev
