#!/usr/bin/env bash
# Provides the headless Chromium the report's browser test opens `decl report`'s page in (docs/report.md,
# tests/Declarative.Cli.Tests/Report/HeadlessChromium.cs): Debian's chromium package at /usr/bin/chromium, installed
# when missing (as root, or through password-less sudo).
#
#   source scripts/ensure-chromium.sh        scripts/test.sh: returns non-zero when Chromium cannot be provided
#   bash scripts/ensure-chromium.sh          the same, as a command
#
# DECLARATIVE_TEST_CHROMIUM, when set, names the Chromium binary instead, and nothing is installed.
# Progress and errors go to stderr. Written to be sourced: no `set` of the caller's options, no `exit`.

_declarative_chromium_say() { echo "ensure-chromium: $*" >&2; }
_declarative_chromium_error() { echo "ensure-chromium: error: $*" >&2; return 1; }

_declarative_chromium_found() {
    if [[ -n "${DECLARATIVE_TEST_CHROMIUM:-}" ]]; then
        [[ -x "$DECLARATIVE_TEST_CHROMIUM" ]]
        return
    fi
    # A half-configured package (dpkg status "iU") has the file but may lack its libraries: ask it for its version.
    [[ -x /usr/bin/chromium ]] && /usr/bin/chromium --version >/dev/null 2>&1
}

declarative_chromium_ensure() {
    if _declarative_chromium_found; then
        return 0
    fi
    if [[ -n "${DECLARATIVE_TEST_CHROMIUM:-}" ]]; then
        _declarative_chromium_error "DECLARATIVE_TEST_CHROMIUM=$DECLARATIVE_TEST_CHROMIUM is not an executable. Point it at a Chromium binary, or unset it."
        return 1
    fi
    # Root runs apt-get itself; a user with password-less sudo (a GitHub Actions runner) runs it through sudo.
    local as_root=(env DEBIAN_FRONTEND=noninteractive)
    if [[ "$(id -u)" != "0" ]]; then
        if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
            _declarative_chromium_error "no working /usr/bin/chromium, and this is neither root nor allowed password-less sudo. Install Debian's chromium package (sudo apt-get install chromium) and run again."
            return 1
        fi
        as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        _declarative_chromium_error "no working /usr/bin/chromium, and apt-get is missing (not Debian?). Install Chromium and set DECLARATIVE_TEST_CHROMIUM to its binary."
        return 1
    fi

    local log status=0
    log="$(mktemp "${TMPDIR:-/tmp}/ensure-chromium.XXXXXX.log")"
    _declarative_chromium_say "installing chromium (apt-get; log $log)"
    "${as_root[@]}" apt-get update >"$log" 2>&1 &&
        "${as_root[@]}" apt-get install -y chromium >>"$log" 2>&1 || status=1
    if ((status != 0)); then
        tail -n 20 "$log" >&2
        _declarative_chromium_error "apt-get install chromium failed (log: $log)."
        return 1
    fi
    _declarative_chromium_found || _declarative_chromium_error "chromium is installed but /usr/bin/chromium --version fails (log: $log)."
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    declarative_chromium_ensure || exit 1
else
    declarative_chromium_ensure
fi
