#!/usr/bin/env bash
# bench/startup.sh: start-up of the installed `decl` tool, ReadyToRun against JIT (docs/decisions/ready-to-run.md).
#
#   bench/startup.sh FEED [RUNS]   FEED: a folder scripts/pack.sh filled; RUNS per command (default 10)
#
# Installs the tool from FEED alone into a temporary tool path (this platform's ReadyToRun package), and unpacks the
# portable fallback (Declarative.Cli.any, JIT) beside it. Times `decl --version` and `decl validate examples/kubia`
# RUNS times each, alternating the forms, and prints the median wall time in ms of each: the installed tool as a user
# starts it, and both packages' decl.dll through the same `dotnet` host (the difference is ReadyToRun alone).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="$(realpath "${1:?usage: bench/startup.sh FEED [RUNS]}")"
runs="${2:-10}"
work="$(mktemp -d "${TMPDIR:-/tmp}/decl-startup.XXXXXX")"
trap 'rm -rf "$work"' EXIT

pointer="$(ls "$feed" | grep -E '^Declarative\.Cli\.[0-9]+\.[0-9]+\.[0-9]+.*\.nupkg$' | head -n 1)"
version="${pointer#Declarative.Cli.}"
version="${version%.nupkg}"
rid="$(dotnet --info | awk '/^ RID:/ { print $2; exit }')"
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="feed" value="$feed" /></packageSources></configuration>
XML
dotnet tool install --tool-path "$work/tools" --configfile "$work/nuget.config" Declarative.Cli --version "$version" >/dev/null
for form in "$rid" any; do
    mkdir -p "$work/$form"
    (cd "$work/$form" && unzip -q "$feed/Declarative.Cli.$form.$version.nupkg")
done
r2r_dll="$(find "$work/$rid" -name decl.dll | head -n 1)"
jit_dll="$(find "$work/any" -name decl.dll | head -n 1)"

declare -A samples=()
measure() {
    local name="$1"
    shift
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    end=$(date +%s%N)
    samples[$name]+="$(((end - start) / 1000000)) "
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

cd "$repo_root"
for ((i = 0; i < runs; i++)); do
    for command in "--version" "validate examples/kubia"; do
        # shellcheck disable=SC2086 # the command's words are meant to split
        measure "installed decl (ReadyToRun, $rid): decl $command" "$work/tools/decl" $command
        # shellcheck disable=SC2086
        measure "dotnet decl.dll, ReadyToRun ($rid): decl $command" dotnet "$r2r_dll" $command
        # shellcheck disable=SC2086
        measure "dotnet decl.dll, JIT (any): decl $command" dotnet "$jit_dll" $command
    done
done

echo "decl $version, $runs runs each, median wall time:"
for name in "${!samples[@]}"; do
    printf '%6s ms  %s\n' "$(median "${samples[$name]}")" "$name"
done | sort -k4
