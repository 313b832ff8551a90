#!/usr/bin/env bash
# Provides zsh and fish, whose completion scripts the completion tests check for syntax and run a round trip in
# (tests/Declarative.Cli.Tests/Completion, docs/completion.md): Debian's zsh and fish packages, installed when
# missing (as root, or through password-less sudo). Sourced by scripts/test.sh; no `set`, no `exit`.

declarative_shells_ensure() {
    local missing=() shell
    for shell in zsh fish; do
        command -v "$shell" >/dev/null 2>&1 || missing+=("$shell")
    done
    ((${#missing[@]} == 0)) && return 0

    local as_root=(env DEBIAN_FRONTEND=noninteractive)
    if [[ "$(id -u)" != "0" ]]; then
        if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
            echo "ensure-shells: error: ${missing[*]} missing, and this is neither root nor allowed password-less sudo. Install them (sudo apt-get install ${missing[*]}) and run again." >&2
            return 1
        fi
        as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    fi
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/ensure-shells.XXXXXX.log")"
    echo "ensure-shells: installing ${missing[*]} (apt-get; log $log)" >&2
    if ! { "${as_root[@]}" apt-get update >"$log" 2>&1 && "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >>"$log" 2>&1; }; then
        tail -n 20 "$log" >&2
        echo "ensure-shells: error: apt-get install ${missing[*]} failed (log: $log)." >&2
        return 1
    fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    declarative_shells_ensure || exit 1
else
    declarative_shells_ensure
fi
