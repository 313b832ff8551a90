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

project="$repo_root/src/Declarative.Cli/Declarative.Cli.csproj"
# Asked once and passed to every build: each platform's package is a build of its own, and all of them (and the
# package pointing at them) must carry the same version even if HEAD moves while they build.
version="${DECL_VERSION:-$(dotnet msbuild "$project" -nologo -t:SetVersionFromGitTag -getProperty:Version)}"
echo "Packing Declarative.Cli $version"

dotnet pack "$project" -c Release -o "$output" "-p:Version=$version"

echo "Tool packages in $output:"
ls -1 "$output"/Declarative.Cli.*.nupkg
