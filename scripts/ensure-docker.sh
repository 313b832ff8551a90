#!/usr/bin/env bash
# Provides the Docker provider's test services (DESIGN.md, "Environment of the tests"): a Docker Engine and two
# registries on loopback, an open one and one behind htpasswd basic auth.
#
#   source scripts/ensure-docker.sh          scripts/test.sh, scripts/demo.sh: reuses or starts the services,
#                                            exports the variables below, then `trap declarative_docker_stop EXIT`
#   bash scripts/ensure-docker.sh start      leaves the services running and prints the export lines
#   bash scripts/ensure-docker.sh stop       stops what an earlier `start` recorded in its pid files
#
# Whatever already answers is reused and never stopped: an engine at $DOCKER_HOST (when set; otherwise the default
# socket or one a `start` left in the state folder), a registry on each port. Anything missing is installed from
# Debian (docker.io, docker-registry, busybox-static, apache2-utils; needs root) and started as root with its data,
# logs and pid files in the state folder. Nothing is ever pulled from a public registry.
#
# Settings (environment):
#   DECLARATIVE_DOCKER_STATE                   state folder (default /tmp/declarative-docker)
#   DECLARATIVE_TEST_REGISTRY_PORT             open registry's port on 127.0.0.1 (default 5000)
#   DECLARATIVE_TEST_AUTH_REGISTRY_PORT        auth registry's port on 127.0.0.1 (default 5001)
#   DECLARATIVE_TEST_AUTH_REGISTRY_USER        (default tester)
#   DECLARATIVE_TEST_AUTH_REGISTRY_PASSWORD    (default s3cret-pass)
#   DECLARATIVE_DOCKERD_ARGS                   extra dockerd arguments. A second engine next to one that owns
#                                              docker0 and the DOCKER iptables chains must not touch them: give it
#                                              its own bridge (`ip link add decl-br0 type bridge`, an address,
#                                              `ip link set decl-br0 up`) and "--bridge=decl-br0 --iptables=false".
#                                              Never "--bridge=none": dockerd then deletes docker0.
# Exported for the tests: DOCKER_HOST, DECLARATIVE_TEST_REGISTRY, DECLARATIVE_TEST_AUTH_REGISTRY,
#   DECLARATIVE_TEST_AUTH_REGISTRY_USER, DECLARATIVE_TEST_AUTH_REGISTRY_PASSWORD, DECLARATIVE_TEST_DOCKER=1.
#
# Progress and errors go to stderr, so that a caller's last stdout line stays its own; only `start` prints the
# export lines on stdout. Written to be sourced: no `set` of the caller's options is changed, no `exit`.

_declarative_docker_state="${DECLARATIVE_DOCKER_STATE:-/tmp/declarative-docker}"
_declarative_docker_state="${_declarative_docker_state%/}"
_declarative_docker_open_port="${DECLARATIVE_TEST_REGISTRY_PORT:-5000}"
_declarative_docker_auth_port="${DECLARATIVE_TEST_AUTH_REGISTRY_PORT:-5001}"
_declarative_docker_user="${DECLARATIVE_TEST_AUTH_REGISTRY_USER:-tester}"
_declarative_docker_password="${DECLARATIVE_TEST_AUTH_REGISTRY_PASSWORD:-s3cret-pass}"
# What this shell started, and therefore what declarative_docker_stop may stop.
_declarative_docker_dockerd_pid=""
declare -gA _declarative_docker_registry_pid_of=()
_declarative_docker_apt_updated=""

_declarative_docker_say() { echo "ensure-docker: $*" >&2; }
_declarative_docker_error() { echo "ensure-docker: error: $*" >&2; return 1; }

# A pid is alive when it exists and is not a zombie: a child that exited stays visible to `kill -0` until reaped.
_declarative_docker_alive() {
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat%% *}" != "Z" ]]
}

# Guards every kill against a reused pid: our processes all name the state folder on their command line.
_declarative_docker_is_ours() {
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
    [[ "$cmdline" == *"$_declarative_docker_state/"* ]]
}

# SIGTERM, up to GRACE seconds, then SIGKILL. Only when the pid is alive and names the state folder.
_declarative_docker_stop_pid() {
    local pid="$1" grace="$2" label="$3" waited=0
    [[ -n "$pid" ]] && _declarative_docker_alive "$pid" && _declarative_docker_is_ours "$pid" || return 0
    _declarative_docker_say "stopping $label (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    while _declarative_docker_alive "$pid" && ((waited < grace * 5)); do
        sleep 0.2
        waited=$((waited + 1))
    done
    if _declarative_docker_alive "$pid"; then
        _declarative_docker_say "$label did not stop within ${grace}s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
    fi
    wait "$pid" 2>/dev/null || true
}

# Prints "STATUS" or "STATUS basic" (a Basic challenge) for GET /v2/ on 127.0.0.1:PORT; fails when nothing answers.
# Plain bash (/dev/tcp) so that probing needs no curl; the subshell keeps a failed connect from touching the caller.
_declarative_docker_probe_registry() {
    local port="$1" credentials="${2:-}"
    (
        exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
        authorization=""
        [[ -n "$credentials" ]] && authorization="Authorization: Basic $credentials"$'\r\n'
        printf 'GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n%s\r\n' "$port" "$authorization" >&3
        IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
        challenge=""
        shopt -s nocasematch
        while IFS= read -r -t 5 line <&3; do
            line="${line%$'\r'}"
            [[ -z "$line" ]] && break
            [[ "$line" == www-authenticate:*basic* ]] && challenge=" basic"
        done
        echo "$status$challenge"
    ) 2>/dev/null
}

_declarative_docker_credentials() { printf '%s:%s' "$_declarative_docker_user" "$_declarative_docker_password" | base64 -w0; }

# Whether the registry on PORT is one the tests can use: "open" answers 200, "auth" challenges for Basic and
# accepts the configured user. Returns 0 usable, 1 nothing answers, 2 something else answers (message printed).
_declarative_docker_registry_usable() {
    local port="$1" kind="$2" reply
    reply="$(_declarative_docker_probe_registry "$port")" || return 1
    if [[ "$kind" == "open" ]]; then
        [[ "$reply" == "200" ]] && return 0
        _declarative_docker_error "127.0.0.1:$port answers GET /v2/ with '$reply', not 200; the tests need an open registry there. Free the port or set DECLARATIVE_TEST_REGISTRY_PORT."
        return 2
    fi
    if [[ "$reply" != "401 basic" ]]; then
        _declarative_docker_error "127.0.0.1:$port answers GET /v2/ with '$reply', not 401 with a Basic challenge; the tests need a registry with htpasswd auth there. Free the port or set DECLARATIVE_TEST_AUTH_REGISTRY_PORT."
        return 2
    fi
    reply="$(_declarative_docker_probe_registry "$port" "$(_declarative_docker_credentials)")" || return 1
    [[ "$reply" == "200" ]] && return 0
    _declarative_docker_error "the registry on 127.0.0.1:$port rejects user '$_declarative_docker_user' (GET /v2/ answered '$reply'); set DECLARATIVE_TEST_AUTH_REGISTRY_USER and DECLARATIVE_TEST_AUTH_REGISTRY_PASSWORD to its credentials."
    return 2
}

_declarative_docker_engine_answers() { DOCKER_HOST="$1" timeout 10 docker version >/dev/null 2>&1; }

# Installs the Debian packages that provide the missing commands: one `apt-get update`, one install.
_declarative_docker_install() {
    local packages=("$@")
    ((${#packages[@]} > 0)) || return 0
    # Root runs apt-get itself; a user with password-less sudo (a GitHub Actions runner) runs it through sudo.
    local as_root=(env DEBIAN_FRONTEND=noninteractive)
    if [[ "$(id -u)" != "0" ]]; then
        if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
            _declarative_docker_error "${packages[*]} must be installed (Debian packages), and this is neither root nor allowed password-less sudo. Install them, or start a Docker Engine and the registries yourself, and run again."
            return 1
        fi
        as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        _declarative_docker_error "${packages[*]} must be installed and apt-get is missing (not Debian?). Install them by hand and run again."
        return 1
    fi
    _declarative_docker_say "installing ${packages[*]} (apt-get)"
    local log="$_declarative_docker_state/apt.log"
    if [[ -z "$_declarative_docker_apt_updated" ]]; then
        if ! "${as_root[@]}" apt-get update >"$log" 2>&1; then
            tail -n 20 "$log" >&2
            _declarative_docker_error "apt-get update failed (log: $log)."
            return 1
        fi
        _declarative_docker_apt_updated=1
    fi
    if ! "${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}" >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        _declarative_docker_error "apt-get install ${packages[*]} failed (log: $log)."
        return 1
    fi
}

_declarative_docker_start_engine() {
    local state="$_declarative_docker_state" waited=0
    local socket="$state/docker.sock"
    if [[ " ${DECLARATIVE_DOCKERD_ARGS:-} " =~ [[:space:]](--bridge|-b)[=[:space:]]+none[[:space:]] ]] && [[ -e /sys/class/net/docker0 ]]; then
        _declarative_docker_error "DECLARATIVE_DOCKERD_ARGS asks for --bridge=none, with which dockerd deletes the docker0 bridge another engine uses. Give this engine its own bridge instead (see the comment at the top of scripts/ensure-docker.sh)."
        return 1
    fi
    mkdir -p "$state/data" "$state/exec"
    [[ -f "$state/daemon.json" ]] || echo '{}' >"$state/daemon.json"
    _declarative_docker_say "starting dockerd (vfs) at unix://$socket; log $state/dockerd.log"
    # Its own config file, so that an /etc/docker/daemon.json naming other hosts cannot conflict with -H.
    # shellcheck disable=SC2086 # DECLARATIVE_DOCKERD_ARGS is a list of arguments
    dockerd --storage-driver vfs \
        --data-root "$state/data" --exec-root "$state/exec" --pidfile "$state/dockerd.pid" \
        --host "unix://$socket" --config-file "$state/daemon.json" --shutdown-timeout 10 \
        ${DECLARATIVE_DOCKERD_ARGS:-} </dev/null >>"$state/dockerd.log" 2>&1 &
    _declarative_docker_dockerd_pid=$!
    while ! _declarative_docker_engine_answers "unix://$socket"; do
        if ! _declarative_docker_alive "$_declarative_docker_dockerd_pid" || ((waited >= 60)); then
            tail -n 30 "$state/dockerd.log" >&2
            _declarative_docker_error "dockerd did not answer at unix://$socket within 60s (log above, full log: $state/dockerd.log)."
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    export DOCKER_HOST="unix://$socket"
}

_declarative_docker_start_registry() {
    local port="$1" kind="$2" state="$_declarative_docker_state" pid
    local config="$state/registry-$port.yml" storage="$state/registry-$port"
    mkdir -p "$storage"
    {
        echo "version: 0.1"
        echo "log:"
        echo "  level: warn"
        echo "storage:"
        echo "  filesystem:"
        echo "    rootdirectory: $storage"
        echo "  delete:"
        echo "    enabled: true"
        echo "http:"
        echo "  addr: 127.0.0.1:$port"
        echo "  secret: declarative-test-only"
        if [[ "$kind" == "auth" ]]; then
            echo "auth:"
            echo "  htpasswd:"
            echo "    realm: declarative-test"
            echo "    path: $state/htpasswd"
        fi
    } >"$config"
    if [[ "$kind" == "auth" ]] &&
        ! htpasswd -Bbc "$state/htpasswd" "$_declarative_docker_user" "$_declarative_docker_password" >/dev/null 2>&1; then
        _declarative_docker_error "htpasswd could not write $state/htpasswd."
        return 1
    fi
    _declarative_docker_say "starting the $kind registry on 127.0.0.1:$port; log $state/registry-$port.log"
    docker-registry serve "$config" </dev/null >>"$state/registry-$port.log" 2>&1 &
    pid=$!
    _declarative_docker_registry_pid_of[$port]="$pid"
    echo "$pid" >"$state/registry-$port.pid"
}

_declarative_docker_wait_registry() {
    local port="$1" kind="$2" waited=0 pid="${_declarative_docker_registry_pid_of[$1]:-}"
    until _declarative_docker_registry_usable "$port" "$kind" 2>/dev/null; do
        if ((waited >= 60)) || { [[ -n "$pid" ]] && ! _declarative_docker_alive "$pid"; }; then
            tail -n 20 "$_declarative_docker_state/registry-$port.log" >&2 2>/dev/null
            _declarative_docker_registry_usable "$port" "$kind" ||
                _declarative_docker_error "the $kind registry did not answer on 127.0.0.1:$port (it exited, or 30s passed; log: $_declarative_docker_state/registry-$port.log)."
            return 1
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
}

# Stops only what this shell started, by pid: the registries, then dockerd (which stops its containers and its
# containerd). Safe to call twice and when nothing was started.
declarative_docker_stop() {
    local port
    for port in "${!_declarative_docker_registry_pid_of[@]}"; do
        _declarative_docker_stop_pid "${_declarative_docker_registry_pid_of[$port]}" 10 "registry"
        rm -f "$_declarative_docker_state/registry-$port.pid"
    done
    _declarative_docker_registry_pid_of=()
    if [[ -n "$_declarative_docker_dockerd_pid" ]]; then
        _declarative_docker_stop_pid "$_declarative_docker_dockerd_pid" 30 "dockerd"
        _declarative_docker_dockerd_pid=""
        _declarative_docker_after_dockerd
    fi
}

# A dockerd that had to be killed leaves its containerd running and its data root bind-mounted on itself.
_declarative_docker_after_dockerd() {
    local state="$_declarative_docker_state" containerd_pid
    containerd_pid="$(cat "$state/exec/containerd/containerd.pid" 2>/dev/null)" || containerd_pid=""
    _declarative_docker_stop_pid "$containerd_pid" 10 "containerd"
    if mountpoint -q "$state/data" 2>/dev/null; then
        umount "$state/data" 2>/dev/null || umount -l "$state/data" 2>/dev/null || true
    fi
}

# Reuses or starts the engine and both registries, then exports the variables the tests read.
declarative_docker_start() {
    local packages=() engine="" candidate
    local open_port="$_declarative_docker_open_port" auth_port="$_declarative_docker_auth_port"
    mkdir -p "$_declarative_docker_state" ||
        { _declarative_docker_error "cannot create the state folder $_declarative_docker_state."; return 1; }

    command -v docker >/dev/null 2>&1 || packages+=(docker.io)
    [[ -x /usr/bin/busybox ]] || packages+=(busybox-static)
    _declarative_docker_install "${packages[@]}" || return 1
    packages=()

    local candidates=("${DOCKER_HOST:-}")
    [[ -n "${DOCKER_HOST:-}" ]] || candidates=("unix:///var/run/docker.sock" "unix://$_declarative_docker_state/docker.sock")
    for candidate in "${candidates[@]}"; do
        if _declarative_docker_engine_answers "$candidate"; then
            engine="$candidate"
            break
        fi
    done
    if [[ -z "$engine" ]]; then
        command -v dockerd >/dev/null 2>&1 || packages+=(docker.io)
        command -v iptables >/dev/null 2>&1 || packages+=(iptables)
    fi

    local open_state=0 auth_state=0
    _declarative_docker_registry_usable "$open_port" open || open_state=$?
    _declarative_docker_registry_usable "$auth_port" auth || auth_state=$?
    ((open_state != 2 && auth_state != 2)) || return 1
    if ((open_state == 1 || auth_state == 1)); then
        command -v docker-registry >/dev/null 2>&1 || packages+=(docker-registry)
    fi
    if ((auth_state == 1)); then
        command -v htpasswd >/dev/null 2>&1 || packages+=(apache2-utils)
    fi
    _declarative_docker_install "${packages[@]}" || return 1

    if [[ -n "$engine" ]]; then
        _declarative_docker_say "using the Docker Engine at $engine"
        export DOCKER_HOST="$engine"
    else
        _declarative_docker_start_engine || { declarative_docker_stop; return 1; }
    fi
    if ((open_state == 0)); then
        _declarative_docker_say "using the open registry on 127.0.0.1:$open_port"
    else
        _declarative_docker_start_registry "$open_port" open || { declarative_docker_stop; return 1; }
    fi
    if ((auth_state == 0)); then
        _declarative_docker_say "using the auth registry on 127.0.0.1:$auth_port"
    else
        _declarative_docker_start_registry "$auth_port" auth || { declarative_docker_stop; return 1; }
    fi
    if ! _declarative_docker_wait_registry "$open_port" open || ! _declarative_docker_wait_registry "$auth_port" auth; then
        declarative_docker_stop
        return 1
    fi

    export DECLARATIVE_TEST_REGISTRY="127.0.0.1:$open_port"
    export DECLARATIVE_TEST_AUTH_REGISTRY="127.0.0.1:$auth_port"
    export DECLARATIVE_TEST_AUTH_REGISTRY_USER="$_declarative_docker_user"
    export DECLARATIVE_TEST_AUTH_REGISTRY_PASSWORD="$_declarative_docker_password"
    export DECLARATIVE_TEST_DOCKER=1
    _declarative_docker_say "ready: DOCKER_HOST=$DOCKER_HOST, registries $DECLARATIVE_TEST_REGISTRY (open) and $DECLARATIVE_TEST_AUTH_REGISTRY (auth)"
}

# `stop` in a new shell: what an earlier `start` recorded in the state folder's pid files.
_declarative_docker_stop_recorded() {
    local state="$_declarative_docker_state" file pid
    for file in "$state"/registry-*.pid; do
        [[ -f "$file" ]] || continue
        pid="$(cat "$file" 2>/dev/null)"
        _declarative_docker_stop_pid "$pid" 10 "registry"
        rm -f "$file"
    done
    pid="$(cat "$state/dockerd.pid" 2>/dev/null)" || pid=""
    if [[ -n "$pid" ]]; then
        _declarative_docker_stop_pid "$pid" 30 "dockerd"
        _declarative_docker_after_dockerd
    fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    case "${1:-}" in
        start)
            declarative_docker_start || exit 1
            # Left running on purpose; `stop` finds them through their pid files.
            _declarative_docker_dockerd_pid=""
            _declarative_docker_registry_pid_of=()
            for variable in DOCKER_HOST DECLARATIVE_TEST_REGISTRY DECLARATIVE_TEST_AUTH_REGISTRY \
                DECLARATIVE_TEST_AUTH_REGISTRY_USER DECLARATIVE_TEST_AUTH_REGISTRY_PASSWORD DECLARATIVE_TEST_DOCKER; do
                printf 'export %s=%q\n' "$variable" "${!variable}"
            done
            ;;
        stop)
            _declarative_docker_stop_recorded
            ;;
        *)
            echo "usage: bash scripts/ensure-docker.sh start|stop   (or source it; see the comment at its top)" >&2
            exit 2
            ;;
    esac
else
    declarative_docker_start
fi
