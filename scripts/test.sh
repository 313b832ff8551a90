#!/usr/bin/env bash
# The project's test command (README, CI): builds the solution in Release, runs every test project,
# and ends with exactly one summary line, "N passed, N failed" (", N skipped" when some were skipped).
# Exits non-zero when the build failed or any test failed. Works from any folder, with or without a TTY.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail_without_tests() {
    echo "error: $1" >&2
    echo "0 passed, 1 failed"
    exit 1
}

if ! command -v dotnet >/dev/null 2>&1; then
    fail_without_tests "dotnet is not on PATH. Install the .NET 10 SDK (global.json names the version) and run scripts/test.sh again."
fi
if ! command -v python3 >/dev/null 2>&1; then
    fail_without_tests "python3 is not on PATH; scripts/trx-summary.py needs it to count the results. Install python3 and run scripts/test.sh again."
fi

# ---- Test dependencies -------------------------------------------------------------------------
# The Docker provider's tests need a real Docker Engine and registries on loopback (DESIGN.md,
# "Environment of the tests"). scripts/ensure-docker.sh reuses what already answers, installs and starts
# the rest, and exports DOCKER_HOST and the DECLARATIVE_TEST_* variables the tests read. Sourced, so that
# those exports reach `dotnet test`; what it started is stopped by pid when this script exits.
trap declarative_docker_stop EXIT
# shellcheck source=scripts/ensure-docker.sh
source scripts/ensure-docker.sh ||
    fail_without_tests "scripts/ensure-docker.sh could not provide the Docker Engine and the registries; see its output above."
# The PostgreSQL state store's tests start their own throwaway server from Debian's binaries
# (tests/Declarative.Testing/PostgresServer.cs); scripts/ensure-postgres.sh installs them when missing.
# shellcheck source=scripts/ensure-postgres.sh
source scripts/ensure-postgres.sh ||
    fail_without_tests "scripts/ensure-postgres.sh could not provide the PostgreSQL server binaries; see its output above."
# The report's browser test opens decl report's page in Debian's headless chromium; scripts/ensure-chromium.sh
# installs it when missing.
# shellcheck source=scripts/ensure-chromium.sh
source scripts/ensure-chromium.sh ||
    fail_without_tests "scripts/ensure-chromium.sh could not provide Chromium; see its output above."
# The completion tests check the zsh and fish scripts with those shells; scripts/ensure-shells.sh installs them.
# shellcheck source=scripts/ensure-shells.sh
source scripts/ensure-shells.sh ||
    fail_without_tests "scripts/ensure-shells.sh could not provide zsh and fish; see its output above."
# -------------------------------------------------------------------------------------------------

results_dir="${DECLARATIVE_TEST_RESULTS:-$(mktemp -d "${TMPDIR:-/tmp}/declarative-tests.XXXXXX")}"
mkdir -p "$results_dir"
# A reused results folder must not count an earlier run.
find "$results_dir" -name "*.trx" -delete

if ! dotnet build Declarative.sln -c Release; then
    fail_without_tests "the build failed; see the compiler output above."
fi

# One `dotnet test` per test project rather than one over the solution: Declarative.Testing references
# xunit, whose build props mark any project as a test project, and a solution-wide run would start a
# test host for that library and abort.
test_exit=0
for project in tests/*.Tests/*.Tests.csproj; do
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" \
        --results-directory "$results_dir" || test_exit=1
done

echo "Test results (TRX): $results_dir"
# Stopped before the summary so that the summary stays the last line (the EXIT trap then has nothing left).
declarative_docker_stop
python3 scripts/trx-summary.py "$results_dir" "$test_exit"
