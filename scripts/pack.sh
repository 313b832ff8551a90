#!/usr/bin/env bash
# Packs `decl` as a .NET tool into ./artifacts (or the folder given as $1): Declarative.Cli.<version>.nupkg, the
# package `dotnet tool install` asks for, which points at one ReadyToRun package per platform
# (Declarative.Cli.<rid>.<version>.nupkg) and at the portable fallback Declarative.Cli.any.<version>.nupkg
# (docs/decisions/ready-to-run.md). The version comes from a vX.Y.Z tag on HEAD, else 0.1.0-dev.<commits>
# (src/Declarative.Cli/GitTagVersion.targets); DECL_VERSION=X.Y.Z sets it explicitly.
# Install what it made:
#     dotnet tool install --global --add-source ./artifacts Declarative.Cli --version <version>
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$(realpath -m "${1:-$repo_root/artifacts}")"
mkdir -p "$output"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

version_args=()
if [[ -n "${DECL_VERSION:-}" ]]; then
    version_args=("-p:Version=$DECL_VERSION")
fi

dotnet pack "$repo_root/src/Declarative.Cli/Declarative.Cli.csproj" -c Release -o "$output" "${version_args[@]}"

echo "Tool packages in $output:"
ls -1 "$output"/Declarative.Cli.*.nupkg
