#!/usr/bin/env bash
# The reliability suite at full size (issue 17): 100 kill trials, 500 broken inputs, every fault kind alone as well as
# mixed, server gone mid-run, corrupt state and the secret-leak scan; then the table of docs/reliability.md is
# rewritten from the figures the tests wrote (between its reliability-table markers; the rest of the page is kept).
# CI runs the same tests at their default, smaller size through scripts/test.sh.
#   RELIABILITY_TRIALS (100)  kill trials        RELIABILITY_INPUTS (500)  broken inputs
#   RELIABILITY_SEED   (17)   the random seed    RELIABILITY_FULL   (1)    each fault kind alone too
#   RELIABILITY_DOC    (docs/reliability.md)     where the table goes ("-" prints it instead)
#   RELIABILITY_CONFIGURATION (Release)          the build configuration
# Exits non-zero when the build or any test failed; the table says which.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

export RELIABILITY_TRIALS="${RELIABILITY_TRIALS:-100}"
export RELIABILITY_INPUTS="${RELIABILITY_INPUTS:-500}"
export RELIABILITY_SEED="${RELIABILITY_SEED:-17}"
export RELIABILITY_FULL="${RELIABILITY_FULL:-1}"
doc="${RELIABILITY_DOC:-docs/reliability.md}"

work="$(mktemp -d "${TMPDIR:-/tmp}/decl-reliability.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export RELIABILITY_RESULTS="$work/results"
mkdir -p "$RELIABILITY_RESULTS"

configuration="${RELIABILITY_CONFIGURATION:-Release}"
if ! dotnet build tests/Declarative.Reliability.Tests -c "$configuration" -v quiet --nologo; then
    echo "error: the build failed; see the compiler output above." >&2
    exit 1
fi

started="$(date -u +%s)"
test_exit=0
dotnet test tests/Declarative.Reliability.Tests -c "$configuration" --no-build \
    --logger "trx;LogFileName=reliability.trx" --results-directory "$work/trx" || test_exit=1
finished="$(date -u +%s)"

python3 scripts/reliability-table.py "$RELIABILITY_RESULTS" "$work/trx/reliability.trx" "$doc" "$((finished - started))" "$test_exit"

exit "$test_exit"
