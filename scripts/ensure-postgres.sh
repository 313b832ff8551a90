#!/usr/bin/env bash
# Provides the PostgreSQL server binaries the PostgreSQL state store's tests need (docs/state.md, "PostgreSQL store").
# The tests start and stop their own throwaway server (tests/Declarative.Testing/PostgresServer.cs: initdb and
# postgres in a temp folder, on a free loopback port); this script only makes sure initdb and postgres exist in
# /usr/lib/postgresql/<version>/bin, installing Debian's postgresql package when they do not (needs root).
#
#   source scripts/ensure-postgres.sh        scripts/test.sh: returns non-zero when the binaries cannot be provided
#   bash scripts/ensure-postgres.sh          the same, as a command
#
# DECLARATIVE_TEST_PG_BIN, when set, names the folder of initdb and postgres instead, and nothing is installed.
# The package's own cluster is not started (a policy-rc.d refuses service starts during the install): the tests never
# use it. Progress and errors go to stderr. Written to be sourced: no `set` of the caller's options, no `exit`.

_declarative_postgres_say() { echo "ensure-postgres: $*" >&2; }
_declarative_postgres_error() { echo "ensure-postgres: error: $*" >&2; return 1; }

_declarative_postgres_found() {
    local bin
    if [[ -n "${DECLARATIVE_TEST_PG_BIN:-}" ]]; then
        [[ -x "$DECLARATIVE_TEST_PG_BIN/initdb" && -x "$DECLARATIVE_TEST_PG_BIN/postgres" ]]
        return
    fi
    for bin in /usr/lib/postgresql/*/bin; do
        [[ -x "$bin/initdb" && -x "$bin/postgres" ]] && return 0
    done
    return 1
}

declarative_postgres_ensure() {
    if _declarative_postgres_found; then
        return 0
    fi
    if [[ -n "${DECLARATIVE_TEST_PG_BIN:-}" ]]; then
        _declarative_postgres_error "DECLARATIVE_TEST_PG_BIN=$DECLARATIVE_TEST_PG_BIN holds no initdb and postgres. Point it at the folder that does, or unset it."
        return 1
    fi
    # Root runs apt-get itself; a user with password-less sudo (a GitHub Actions runner) runs it through sudo.
    local as_root=(env DEBIAN_FRONTEND=noninteractive)
    if [[ "$(id -u)" != "0" ]]; then
        if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
            _declarative_postgres_error "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin, and this is neither root nor allowed password-less sudo. Install Debian's postgresql package (sudo apt-get install postgresql) and run again."
            return 1
        fi
        as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        _declarative_postgres_error "no PostgreSQL server binaries, and apt-get is missing (not Debian?). Install PostgreSQL and set DECLARATIVE_TEST_PG_BIN to the folder of initdb and postgres."
        return 1
    fi

    local log policy="/usr/sbin/policy-rc.d" own_policy=""
    log="$(mktemp "${TMPDIR:-/tmp}/ensure-postgres.XXXXXX.log")"
    _declarative_postgres_say "installing postgresql (apt-get; log $log)"
    # The package would start its own cluster; the tests start theirs. 101 = "action forbidden by policy".
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null && "${as_root[@]}" chmod 755 "$policy" && own_policy=1
    fi
    local status=0
    "${as_root[@]}" apt-get update >"$log" 2>&1 &&
        "${as_root[@]}" apt-get install -y --no-install-recommends postgresql >>"$log" 2>&1 || status=1
    [[ -n "$own_policy" ]] && "${as_root[@]}" rm -f "$policy"
    if ((status != 0)); then
        tail -n 20 "$log" >&2
        _declarative_postgres_error "apt-get install postgresql failed (log: $log)."
        return 1
    fi
    _declarative_postgres_found || _declarative_postgres_error "postgresql is installed but /usr/lib/postgresql/*/bin holds no initdb and postgres (log: $log)."
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    declarative_postgres_ensure || exit 1
else
    declarative_postgres_ensure
fi
