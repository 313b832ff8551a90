#!/usr/bin/env bash
# Provides the two images examples/kubia needs from outside the project, so that its journey runs on a machine
# without a public registry (DESIGN.md, "Environment of the tests": nothing is ever pulled in a test):
#
#   KUBIA_BASE_IMAGE       the Node.js base image of app/Dockerfile (the value baseImage):
#                          node:22-alpine when the engine has it or can pull it, otherwise
#                          declarative-demo/node:<version>, built FROM scratch out of this machine's node binary
#                          and the shared libraries ldd lists for it.
#   KUBIA_REGISTRY_IMAGE   the image of the example's own registry container (the value registryImage):
#                          registry:2 when the engine has it or can pull it, otherwise
#                          declarative-demo/registry:<version>, built FROM scratch around Debian's docker-registry.
#
#   source scripts/kubia-base-images.sh      scripts/demo.sh: ensures both images and exports the two variables
#   bash scripts/kubia-base-images.sh        the same, then prints the export lines on stdout
#
# Needs a Docker Engine at $DOCKER_HOST (or the default socket): source scripts/ensure-docker.sh first. A built image
# is checked once (node prints the container's hostname; the registry answers GET /v2/ with 200) and then reused:
# a second run only inspects the two images. Missing host binaries are installed from Debian (nodejs,
# docker-registry; needs root). Builds use the classic builder (DOCKER_BUILDKIT=0), which the engine always has.
#
# Settings (environment):
#   KUBIA_PULL                      1 (default): try `docker pull` of the upstream images, bounded by the timeout
#                                   below; 0: never pull (tests), use an upstream image only when already present.
#   KUBIA_PULL_TIMEOUT              seconds per pull attempt (default 20).
#   KUBIA_NODE_UPSTREAM_IMAGE       (default node:22-alpine)
#   KUBIA_REGISTRY_UPSTREAM_IMAGE   (default registry:2)
#
# Progress and errors go to stderr. Written to be sourced: no `set` of the caller's options is changed, no `exit`,
# no trap of the caller's is replaced (the builds run in subshells with their own traps).

_kubia_images_pull="${KUBIA_PULL:-1}"
_kubia_images_pull_timeout="${KUBIA_PULL_TIMEOUT:-20}"
_kubia_images_node_upstream="${KUBIA_NODE_UPSTREAM_IMAGE:-node:22-alpine}"
_kubia_images_registry_upstream="${KUBIA_REGISTRY_UPSTREAM_IMAGE:-registry:2}"
_kubia_images_apt_updated=""

_kubia_images_say() { echo "kubia-base-images: $*" >&2; }
_kubia_images_error() { echo "kubia-base-images: error: $*" >&2; return 1; }

_kubia_images_present() { docker image inspect "$1" >/dev/null 2>&1; }

# An upstream image is used when present, or when a bounded pull succeeds (on a machine with Docker Hub access).
_kubia_images_upstream_available() {
    local reference="$1"
    _kubia_images_present "$reference" && return 0
    [[ "$_kubia_images_pull" == "1" ]] || return 1
    _kubia_images_say "trying to pull $reference (at most ${_kubia_images_pull_timeout}s)"
    if timeout "$_kubia_images_pull_timeout" docker pull --quiet "$reference" >/dev/null 2>&1 && _kubia_images_present "$reference"; then
        return 0
    fi
    _kubia_images_say "$reference cannot be pulled here; building a local stand-in instead"
    return 1
}

# Installs one Debian package that provides a missing command; apt-get update runs once per shell.
_kubia_images_install() {
    local package="$1"
    if [[ "$(id -u)" != "0" ]] || ! command -v apt-get >/dev/null 2>&1; then
        _kubia_images_error "the Debian package $package is needed and cannot be installed here (not root, or no apt-get). Install it and run again."
        return 1
    fi
    _kubia_images_say "installing $package (apt-get)"
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/kubia-base-images-apt.XXXXXX")" || return 1
    if [[ -z "$_kubia_images_apt_updated" ]]; then
        if ! DEBIAN_FRONTEND=noninteractive apt-get update >"$log" 2>&1; then
            tail -n 20 "$log" >&2
            _kubia_images_error "apt-get update failed (log: $log)."
            return 1
        fi
        _kubia_images_apt_updated=1
    fi
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package" >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        _kubia_images_error "apt-get install $package failed (log: $log)."
        return 1
    fi
    rm -f "$log"
}

# A Docker tag from a program's version: the part before any '+' (Debian's "2.8.2+ds1"), without a leading 'v',
# other characters a tag cannot hold replaced by '-'.
_kubia_images_tag_of() {
    local version="${1#v}"
    version="${version%%+*}"
    version="${version//[^A-Za-z0-9_.-]/-}"
    echo "${version:-unknown}"
}

# Copies BINARY to ROOTFS/DESTINATION and every shared library ldd lists for it (the dynamic loader included) to the
# same absolute path under ROOTFS, following symbolic links, so that the loader finds them where the host has them.
_kubia_images_copy_with_libraries() {
    local binary="$1" rootfs="$2" destination="$3" listing library
    mkdir -p "$rootfs$(dirname "$destination")" && cp -L "$binary" "$rootfs$destination" || return 1
    listing="$(ldd "$binary" 2>&1)"
    if [[ "$listing" == *"not a dynamic executable"* || "$listing" == *"statically linked"* ]]; then
        return 0
    fi
    if [[ "$listing" == *"not found"* ]]; then
        _kubia_images_error "ldd cannot find every library of $binary:"$'\n'"$listing"
        return 1
    fi
    while read -r library; do
        [[ -n "$library" ]] || continue
        mkdir -p "$rootfs$(dirname "$library")" && cp -L "$library" "$rootfs$library" || return 1
    done < <(awk '$2 == "=>" && $3 ~ /^\// { print $3; next } $1 ~ /^\// { print $1 }' <<<"$listing")
}

# The small /etc a scratch image needs for user lookups, and /tmp with the sticky bit.
_kubia_images_write_base_files() {
    local rootfs="$1"
    mkdir -p "$rootfs/etc" "$rootfs/tmp" && chmod 1777 "$rootfs/tmp" || return 1
    printf '%s\n' \
        'root:x:0:0:root:/root:/sbin/nologin' \
        'node:x:1000:1000:node:/home/node:/sbin/nologin' \
        'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' >"$rootfs/etc/passwd"
    printf '%s\n' 'root:x:0:' 'node:x:1000:' 'nogroup:x:65534:' >"$rootfs/etc/group"
}

# Runs `docker build` (classic builder) of STAGING, tagged REFERENCE; shows the log only when it fails.
_kubia_images_docker_build() {
    local staging="$1" reference="$2"
    if ! DOCKER_BUILDKIT=0 docker build --quiet --tag "$reference" "$staging" >"$staging.log" 2>&1; then
        tail -n 30 "$staging.log" >&2
        _kubia_images_error "docker build of $reference failed (log above)."
        return 1
    fi
}

_kubia_images_node_binary() {
    local binary
    if ! binary="$(command -v node)"; then
        _kubia_images_install nodejs || return 1
        binary="$(command -v node)" || { _kubia_images_error "nodejs is installed but node is not on PATH."; return 1; }
    fi
    readlink -f "$binary"
}

# A subshell, so that its trap and its temporary folder stay its own.
_kubia_images_build_node() (
    reference="$1" binary="$2" version="$3"
    staging="$(mktemp -d "${TMPDIR:-/tmp}/kubia-node-image.XXXXXX")" || exit 1
    trap 'rm -rf "$staging" "$staging.log"' EXIT
    _kubia_images_say "building $reference FROM scratch out of $binary and its shared libraries"
    _kubia_images_copy_with_libraries "$binary" "$staging/rootfs" /usr/local/bin/node || exit 1
    _kubia_images_write_base_files "$staging/rootfs" || exit 1
    cat >"$staging/Dockerfile" <<EOF || exit 1
# A stand-in for node:22-alpine when no public registry is reachable: this machine's node and its libraries.
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin NODE_VERSION=$version
LABEL org.opencontainers.image.title="node $version" \\
      org.opencontainers.image.description="node from $binary with its shared libraries, FROM scratch (scripts/kubia-base-images.sh)"
CMD ["node"]
EOF
    _kubia_images_docker_build "$staging" "$reference" || exit 1
)

# The check a user would make: node runs in the image and reports the container's hostname.
_kubia_images_check_node() {
    local reference="$1" output
    output="$(timeout 60 docker run --rm --network none --hostname kubia-base-check "$reference" \
        node -e 'console.log(require("os").hostname())' 2>&1)"
    [[ "$output" == "kubia-base-check" ]] && return 0
    _kubia_images_error "$reference does not run node: \`node -e 'console.log(require(\"os\").hostname())'\` printed '$output' instead of 'kubia-base-check'."
}

_kubia_images_ensure_node() {
    local binary version reference
    if _kubia_images_upstream_available "$_kubia_images_node_upstream"; then
        KUBIA_BASE_IMAGE="$_kubia_images_node_upstream"
        return 0
    fi
    binary="$(_kubia_images_node_binary)" || return 1
    version="$("$binary" --version 2>/dev/null)" || { _kubia_images_error "$binary --version failed; is it a working node?"; return 1; }
    reference="declarative-demo/node:$(_kubia_images_tag_of "$version")"
    if ! _kubia_images_present "$reference"; then
        _kubia_images_build_node "$reference" "$binary" "${version#v}" || return 1
        if ! _kubia_images_check_node "$reference"; then
            docker image rm --force "$reference" >/dev/null 2>&1
            return 1
        fi
    fi
    KUBIA_BASE_IMAGE="$reference"
}

_kubia_images_registry_binary() {
    if [[ ! -x /usr/bin/docker-registry ]]; then
        _kubia_images_install docker-registry || return 1
    fi
    [[ -x /usr/bin/docker-registry ]] || { _kubia_images_error "the Debian package docker-registry did not provide /usr/bin/docker-registry."; return 1; }
    echo /usr/bin/docker-registry
}

_kubia_images_build_registry() (
    reference="$1" binary="$2" version="$3"
    staging="$(mktemp -d "${TMPDIR:-/tmp}/kubia-registry-image.XXXXXX")" || exit 1
    trap 'rm -rf "$staging" "$staging.log"' EXIT
    _kubia_images_say "building $reference FROM scratch around $binary"
    _kubia_images_copy_with_libraries "$binary" "$staging/rootfs" /usr/bin/docker-registry || exit 1
    _kubia_images_write_base_files "$staging/rootfs" || exit 1
    mkdir -p "$staging/rootfs/etc/docker/registry" "$staging/rootfs/var/lib/registry" || exit 1
    # registry:2's own configuration, plus deletes (a demo registry is thrown away and cleaned up).
    cat >"$staging/rootfs/etc/docker/registry/config.yml" <<'EOF' || exit 1
version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
  delete:
    enabled: true
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
EOF
    # Run like registry:2: the configuration file is the command, `serve` the entrypoint, the data a volume.
    cat >"$staging/Dockerfile" <<EOF || exit 1
# A stand-in for registry:2 when no public registry is reachable: Debian's docker-registry (distribution $version).
FROM scratch
COPY rootfs/ /
VOLUME ["/var/lib/registry"]
EXPOSE 5000
LABEL org.opencontainers.image.title="registry $version" \\
      org.opencontainers.image.description="docker-registry from $binary, FROM scratch (scripts/kubia-base-images.sh)"
ENTRYPOINT ["/usr/bin/docker-registry", "serve"]
CMD ["/etc/docker/registry/config.yml"]
EOF
    _kubia_images_docker_build "$staging" "$reference" || exit 1
)

# "STATUS" of GET /v2/ on 127.0.0.1:PORT, in plain bash (/dev/tcp) so that no curl is needed.
_kubia_images_probe_v2() {
    (
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf 'GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$1" >&3
        IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
        echo "$status"
    ) 2>/dev/null
}

# The check a user would make: a container of the image, published on a free loopback port, answers GET /v2/.
_kubia_images_check_registry() {
    local reference="$1" name="kubia-base-images-check-$$" address port status="" waited=0
    if ! docker run --detach --name "$name" --publish 127.0.0.1::5000 "$reference" >/dev/null 2>&1; then
        _kubia_images_error "$reference does not start: docker run failed."
        docker rm --force --volumes "$name" >/dev/null 2>&1
        return 1
    fi
    address="$(docker port "$name" 5000/tcp 2>/dev/null | head -n 1)"
    port="${address##*:}"
    while [[ -n "$port" ]] && ((waited < 60)); do
        status="$(_kubia_images_probe_v2 "$port")" && [[ "$status" == "200" ]] && break
        sleep 0.25
        waited=$((waited + 1))
    done
    if [[ "$status" != "200" ]]; then
        docker logs "$name" 2>&1 | tail -n 20 >&2
        docker rm --force --volumes "$name" >/dev/null 2>&1
        _kubia_images_error "a container of $reference published on ${address:-no port} did not answer GET /v2/ with 200 within 15s (got '${status:-nothing}'; its log is above)."
        return 1
    fi
    docker rm --force --volumes "$name" >/dev/null 2>&1
}

_kubia_images_ensure_registry() {
    local binary version reference
    if _kubia_images_upstream_available "$_kubia_images_registry_upstream"; then
        KUBIA_REGISTRY_IMAGE="$_kubia_images_registry_upstream"
        return 0
    fi
    binary="$(_kubia_images_registry_binary)" || return 1
    # "docker-registry github.com/docker/distribution 2.8.2+ds1"
    version="$("$binary" --version 2>/dev/null | awk '{ print $NF }')"
    [[ -n "$version" ]] || { _kubia_images_error "$binary --version printed no version; is it a working docker-registry?"; return 1; }
    reference="declarative-demo/registry:$(_kubia_images_tag_of "$version")"
    if ! _kubia_images_present "$reference"; then
        _kubia_images_build_registry "$reference" "$binary" "$version" || return 1
        if ! _kubia_images_check_registry "$reference"; then
            docker image rm --force "$reference" >/dev/null 2>&1
            return 1
        fi
    fi
    KUBIA_REGISTRY_IMAGE="$reference"
}

# Ensures both images and exports KUBIA_BASE_IMAGE and KUBIA_REGISTRY_IMAGE.
kubia_base_images_ensure() {
    if ! command -v docker >/dev/null 2>&1; then
        _kubia_images_error "the docker CLI is not on PATH. Source scripts/ensure-docker.sh first (it installs docker.io and starts an engine)."
        return 1
    fi
    if ! timeout 10 docker version >/dev/null 2>&1; then
        _kubia_images_error "no Docker Engine answers at ${DOCKER_HOST:-the default socket}. Source scripts/ensure-docker.sh first, or set DOCKER_HOST."
        return 1
    fi
    _kubia_images_ensure_node || return 1
    _kubia_images_ensure_registry || return 1
    export KUBIA_BASE_IMAGE KUBIA_REGISTRY_IMAGE
    _kubia_images_say "ready: KUBIA_BASE_IMAGE=$KUBIA_BASE_IMAGE KUBIA_REGISTRY_IMAGE=$KUBIA_REGISTRY_IMAGE"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    kubia_base_images_ensure || exit 1
    printf 'export %s=%q\n' KUBIA_BASE_IMAGE "$KUBIA_BASE_IMAGE" KUBIA_REGISTRY_IMAGE "$KUBIA_REGISTRY_IMAGE"
else
    kubia_base_images_ensure
fi
