#!/usr/bin/env bash
# The README's demo: builds `decl` and walks the kubia example without touching Docker or a cluster.
# Stops at the first command that fails.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: dotnet is not on PATH. Install the .NET 10 SDK (global.json names the version) and run scripts/demo.sh again." >&2
    exit 1
fi

dotnet build src/Declarative.Cli -c Release

decl() {
    echo
    echo "\$ decl $*"
    dotnet run --project src/Declarative.Cli -c Release --no-build -- "$@"
}

decl validate examples/kubia
decl graph examples/kubia --env dev
decl graph examples/kubia --env dev --format dot
