#!/usr/bin/env bash
# Runs the real kubectl against the Kubernetes API double started as a process (issue 3, "Done when"):
# version, api-resources, a namespace, server-side apply of public multi-object manifests, get -o yaml,
# a diff that must be empty, a second apply changing one field, delete -f, delete namespace.
# No --validate=false: kubectl must find server-side field validation and dry-run in the double's OpenAPI.
# Exit 0 with a message when kubectl is missing. FIDELITY_PORT picks the port (default: a free one).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MANIFESTS="$ROOT/tests/Declarative.Kubernetes.ApiServer.Tests/Kubectl/manifests"
PROJECT="$ROOT/tests/Declarative.Kubernetes.ApiServer"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "kubectl-fidelity: SKIPPED, kubectl is not installed (the run needs the real kubectl)."
  exit 0
fi

WORK="$(mktemp -d)"
DOUBLE_PID=""
cleanup() {
  if [[ -n "$DOUBLE_PID" ]] && kill -0 "$DOUBLE_PID" 2>/dev/null; then
    kill -TERM "$DOUBLE_PID"
    wait "$DOUBLE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "kubectl-fidelity: building the double"
dotnet build "$PROJECT" -c Debug --nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
DLL="$PROJECT/bin/Debug/net10.0/Declarative.Kubernetes.ApiServer.dll"

export KUBECONFIG="$WORK/kubeconfig"
export KUBECACHEDIR="$WORK/cache"
dotnet "$DLL" --port "${FIDELITY_PORT:-0}" --kubeconfig-out "$KUBECONFIG" --time-scale 0.01 >"$WORK/double.log" 2>&1 &
DOUBLE_PID=$!

for _ in $(seq 1 100); do
  grep -q '^Serving on ' "$WORK/double.log" && break
  kill -0 "$DOUBLE_PID" 2>/dev/null || { echo "kubectl-fidelity: the double exited:"; cat "$WORK/double.log"; exit 1; }
  sleep 0.2
done
grep -q '^Serving on ' "$WORK/double.log" || { echo "kubectl-fidelity: the double did not get ready"; exit 1; }
cat "$WORK/double.log"

step() {
  echo "+ kubectl $*"
  kubectl "$@"
}

step version
step api-resources
# `kubectl create namespace NAME` sends protobuf, which the double answers with 415; a manifest goes as JSON.
printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fidelity\n' >"$WORK/namespace.yaml"
step create -f "$WORK/namespace.yaml"
step apply --server-side -n fidelity -f "$MANIFESTS"
step get deploy,svc,sts,pvc,ing,sa -n fidelity -o yaml >"$WORK/live.yaml"
echo "  ($(grep -c '^  kind: ' "$WORK/live.yaml") objects listed)"

# The simulated controllers write status until the workloads are rolled out, and kubectl diff shows status too.
for workload in deployment/redis-leader deployment/redis-follower deployment/frontend statefulset/web; do
    kubectl rollout status "$workload" -n fidelity --timeout 60s
done
echo "+ kubectl diff --server-side -n fidelity -f $MANIFESTS (must show no difference)"
if ! kubectl diff --server-side -n fidelity -f "$MANIFESTS"; then
  echo "kubectl-fidelity: FAILED, diff right after apply is not empty"
  exit 1
fi

CHANGED="$WORK/changed"
cp -r "$MANIFESTS" "$CHANGED"
sed -i 's/^  replicas: 3$/  replicas: 5/' "$CHANGED/guestbook.yaml"
step apply --server-side -n fidelity -f "$CHANGED"
REPLICAS="$(kubectl get deployment frontend -n fidelity -o jsonpath='{.spec.replicas}')"
echo "  frontend replicas: $REPLICAS"
[[ "$REPLICAS" == "5" ]] || { echo "kubectl-fidelity: FAILED, the second apply did not change replicas"; exit 1; }

step delete -n fidelity -f "$CHANGED"
step delete namespace fidelity

# Rollouts (issue 4): the deployment controller as kubectl rollout sees it.
ROLLOUTS="$ROOT/tests/Declarative.Kubernetes.ApiServer.Tests/Controllers/Deployments/manifests"
step apply -f "$ROLLOUTS/hello-web.yaml"
step rollout status deployment/hello-web --timeout=60s
step scale deployment/hello-web --replicas=5
step rollout status deployment/hello-web --timeout=60s
step set image deployment/hello-web hello=registry.example.com/samples/hello-app:2.0
step rollout status deployment/hello-web --timeout=60s
step rollout undo deployment/hello-web
step rollout status deployment/hello-web --timeout=60s
IMAGE="$(kubectl get deployment hello-web -o jsonpath='{.spec.template.spec.containers[0].image}')"
echo "  image after undo: $IMAGE"
[[ "$IMAGE" == "registry.example.com/samples/hello-app:1.0" ]] || { echo "kubectl-fidelity: FAILED, rollout undo did not restore the earlier image"; exit 1; }
step rollout history deployment/hello-web
step apply -f "$ROLLOUTS/broken-web.yaml"
echo "+ kubectl rollout status deployment/broken-web --timeout=60s (must fail: the image tag is 'fail')"
if kubectl rollout status deployment/broken-web --timeout=60s 2>"$WORK/broken.err"; then
  echo "kubectl-fidelity: FAILED, rollout status succeeded for an image that cannot be pulled"
  exit 1
fi
cat "$WORK/broken.err"
grep -q 'exceeded its progress deadline' "$WORK/broken.err" || { echo "kubectl-fidelity: FAILED, no progress deadline error"; exit 1; }
step delete -f "$ROLLOUTS/hello-web.yaml" -f "$ROLLOUTS/broken-web.yaml"
echo "kubectl-fidelity: PASSED"
