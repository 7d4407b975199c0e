#!/usr/bin/env bash
# The engine testbed: Docker Engine 26 (embedded BuildKit) + a loopback registry
# holding the base images the tests use. No systemd, no Docker Hub, no bridge networks.
#
#   scripts/testbed.sh up      install what is missing, start registry + dockerd, build base images
#   scripts/testbed.sh down    stop the dockerd and registry this script started (caches stay)
#   scripts/testbed.sh status  what runs, versions, registry catalog
#   scripts/testbed.sh env     path and contents of the env file tests `source`
#
# State (outside the repo, survives between runs): ${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}
set -euo pipefail

STATE=${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}
REGISTRY_ADDR=127.0.0.1:5000
SOCK=$STATE/docker.sock
ENV_FILE=$STATE/env
DEBIAN_MIRROR=http://deb.debian.org/debian
HOST_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
# Bounded waits, in seconds (apt, debootstrap, import/push and builds also run under `timeout`).
LOCK_TIMEOUT=${STRATA_TESTBED_LOCK_TIMEOUT:-1800}
REGISTRY_START_TIMEOUT=30
DOCKERD_START_TIMEOUT=90
STOP_TIMEOUT=30

# Every docker command in here talks to our dockerd, whatever the caller's context says.
export DOCKER_HOST=unix://$SOCK
unset DOCKER_CONTEXT BUILDX_BUILDER

log() { printf '[testbed %s] %s\n' "$(date +%T)" "$*" >&2; }
die() {
  printf '[testbed] error: %s\n' "$*" >&2
  exit 1
}

need_root() {
  [[ $(id -u) -eq 0 ]] || die "run as root (installs packages, runs dockerd)"
}

# Takes the state directory's lock for the rest of the process (up/down only).
take_lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/lock"
  if ! flock -n 9; then
    log "another testbed.sh holds $STATE/lock; waiting up to ${LOCK_TIMEOUT}s"
    flock -w "$LOCK_TIMEOUT" 9 || die "timed out after ${LOCK_TIMEOUT}s waiting for $STATE/lock"
  fi
}

# ---------------------------------------------------------------- packages

pkg_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true) == "install ok installed" ]]
}

docker_engine_ok() {
  pkg_installed docker.io && pkg_installed docker-buildx || return 1
  local v
  v=$(dpkg-query -W -f='${Version}' docker.io)
  dpkg --compare-versions "$v" ge 26 && command -v dockerd >/dev/null && command -v docker >/dev/null
}

write_if_changed() { # path content
  if [[ ! -f $1 || $(cat "$1") != "$2" ]]; then
    printf '%s\n' "$2" >"$1"
    return 0
  fi
  return 1
}

# Packages' postinst scripts must not try to start services (no init system here).
with_no_service_starts() {
  local created=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created=1
  fi
  local rc=0
  "$@" || rc=$?
  if ((created)); then rm -f /usr/sbin/policy-rc.d; fi
  return "$rc"
}

lists_recent() { # suite
  [[ -n $(find /var/lib/apt/lists -maxdepth 1 -name "*_dists_${1}_*Packages*" -mmin -360 2>/dev/null | head -n1) ]]
}

install_packages() {
  local bookworm_pkgs=() p
  # openssh-client: the secrets e2e forwards a real ssh-agent into a build.
  # chromium: the history e2e renders `strata history export --html` headless.
  # tmux: the progress e2e watches the tty display in panes of fixed sizes.
  for p in docker-registry debootstrap busybox-static ca-certificates curl openssh-client chromium tmux; do
    pkg_installed "$p" || bookworm_pkgs+=("$p")
  done
  local need_engine=0
  docker_engine_ok || need_engine=1
  if ((${#bookworm_pkgs[@]} == 0 && need_engine == 0)); then
    log "packages: all present ($(dpkg-query -W -f='docker.io ${Version}' docker.io))"
    return
  fi

  local apt_changed=0
  if ((need_engine)); then
    # Trixie at priority 100: only packages asked for as NAME/trixie come from there.
    write_if_changed /etc/apt/sources.list.d/trixie.sources "Types: deb
URIs: $DEBIAN_MIRROR
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" && apt_changed=1
    write_if_changed /etc/apt/preferences.d/strata-trixie "Package: *
Pin: release n=trixie
Pin-Priority: 100" && apt_changed=1
  fi
  # Update the lists unless they are recent (and, when the engine is needed, include trixie).
  local fresh=1
  lists_recent bookworm || fresh=0
  if ((need_engine)); then lists_recent trixie || fresh=0; fi
  if ((apt_changed || !fresh)); then
    log "apt-get update"
    timeout 600 apt-get update -q >"$STATE/apt.log" 2>&1 || {
      tail -n 30 "$STATE/apt.log" >&2
      die "apt-get update failed (log: $STATE/apt.log)"
    }
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ((${#bookworm_pkgs[@]})); then
    apt_install "${bookworm_pkgs[@]}"
  fi
  if ((need_engine)); then
    # Name the trixie packages one by one (pkg/trixie) instead of `-t trixie`: with -t, their
    # dependencies (runc, tini, iptables) also come from trixie, need libc6 >= 2.38 and drag
    # libc6, dpkg and base-files up to trixie. This way dependencies stay on bookworm
    # (containerd comes from trixie only because bookworm has none) and nothing is upgraded.
    local engine_pkgs=(docker.io/trixie docker-buildx/trixie)
    # This machine's /usr/local/bin/docker (28.x) is the client; install trixie's where there is none.
    command -v docker >/dev/null || engine_pkgs+=(docker-cli/trixie)
    apt_install "${engine_pkgs[@]}"
    docker_engine_ok || die "docker.io >= 26 still not installed after apt-get (log: $STATE/apt.log)"
  fi
}

# apt_install PKG[/SUITE]...: refuses to upgrade installed packages other than the named ones
# (set STRATA_TESTBED_ALLOW_UPGRADES=1 to allow).
apt_install() {
  local sim upgrades named=" ${*%%/*} "
  sim=$(apt-get install -s -q --no-install-recommends "$@" 2>&1) || {
    printf '%s\n' "$sim" | tail -n 30 >&2
    die "apt-get cannot install $* (simulation failed)"
  }
  upgrades=$(printf '%s\n' "$sim" | awk -v named="$named" \
    '/^Inst [^ ]+ \[/ { p = $2; sub(/:.*/, "", p); if (index(named, " " p " ") == 0) printf "%s ", $2 }')
  if [[ -n $upgrades && ${STRATA_TESTBED_ALLOW_UPGRADES:-0} != 1 ]]; then
    die "installing $* would upgrade installed packages: $upgrades(set STRATA_TESTBED_ALLOW_UPGRADES=1 to allow)"
  fi
  log "apt-get install $*"
  with_no_service_starts timeout 1200 apt-get install -y -q --no-install-recommends "$@" >>"$STATE/apt.log" 2>&1 || {
    tail -n 30 "$STATE/apt.log" >&2
    die "apt-get install $* failed (log: $STATE/apt.log)"
  }
}

# ---------------------------------------------------------------- processes

# pid_alive PIDFILE NEEDLE: the pid in PIDFILE runs and its command line contains NEEDLE
# (guards against a recycled pid).
pid_alive() {
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$2"
}

stop_pidfile() { # name pidfile needle
  local name=$1 pidfile=$2 needle=$3 pid i
  if ! pid_alive "$pidfile" "$needle"; then
    log "$name: not running (no live pid in $pidfile)"
    rm -f "$pidfile"
    return
  fi
  pid=$(<"$pidfile")
  log "$name: stopping pid $pid"
  kill -TERM "$pid"
  for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
    [[ -d /proc/$pid ]] || break
    sleep 0.2
  done
  if [[ -d /proc/$pid ]]; then
    log "$name: still running after ${STOP_TIMEOUT}s, sending SIGKILL to $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

registry_answers() {
  curl -fsS -m 3 -o /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null
}

start_registry() {
  if registry_answers; then
    log "registry: answers on http://$REGISTRY_ADDR/v2/"
    return
  fi
  mkdir -p "$STATE/registry"
  cat >"$STATE/registry.yml" <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: $REGISTRY_ADDR
EOF
  log "registry: starting on $REGISTRY_ADDR (log: $STATE/registry.log)"
  # 9>&-: the daemon must not inherit (and so keep holding) the state lock.
  setsid docker-registry serve "$STATE/registry.yml" >>"$STATE/registry.log" 2>&1 </dev/null 9>&- &
  echo $! >"$STATE/registry.pid"
  local i
  for ((i = 0; i < REGISTRY_START_TIMEOUT * 5; i++)); do
    registry_answers && return
    if ! pid_alive "$STATE/registry.pid" docker-registry; then
      tail -n 20 "$STATE/registry.log" >&2
      die "registry exited during startup (log: $STATE/registry.log; is $REGISTRY_ADDR taken?)"
    fi
    sleep 0.2
  done
  tail -n 20 "$STATE/registry.log" >&2
  die "registry did not answer on http://$REGISTRY_ADDR/v2/ within ${REGISTRY_START_TIMEOUT}s"
}

dockerd_answers() {
  [[ -S $SOCK ]] && timeout 10 docker info >/dev/null 2>&1
}

start_dockerd() {
  if dockerd_answers; then
    log "dockerd: answers on $SOCK"
    return
  fi
  if pid_alive "$STATE/dockerd.pid" dockerd; then
    die "dockerd pid $(<"$STATE/dockerd.pid") runs but $SOCK does not answer; run '$0 down' and retry (log: $STATE/dockerd.log)"
  fi
  mkdir -p "$STATE/docker" "$STATE/exec"
  log "dockerd: starting (log: $STATE/dockerd.log)"
  # No bridge network, no iptables: build steps use --network=host (frontend: force-network-mode).
  setsid dockerd \
    --host "unix://$SOCK" \
    --bridge=none --iptables=false --ip-masq=false \
    --data-root "$STATE/docker" \
    --exec-root "$STATE/exec" \
    --pidfile "$STATE/dockerd.pid" \
    --registry-mirror "http://$REGISTRY_ADDR" \
    --insecure-registry "$REGISTRY_ADDR" \
    >>"$STATE/dockerd.log" 2>&1 </dev/null 9>&- &
  local pid=$! i
  for ((i = 0; i < DOCKERD_START_TIMEOUT; i++)); do
    dockerd_answers && return
    if [[ ! -d /proc/$pid ]]; then
      tail -n 30 "$STATE/dockerd.log" >&2
      die "dockerd exited during startup (log: $STATE/dockerd.log)"
    fi
    sleep 1
  done
  tail -n 30 "$STATE/dockerd.log" >&2
  die "dockerd did not answer 'docker info' on $SOCK within ${DOCKERD_START_TIMEOUT}s (log: $STATE/dockerd.log)"
}

# ---------------------------------------------------------------- base images

registry_has() { # repo tag
  curl -fsS -m 10 -o /dev/null -I \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.list.v2+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    -H 'Accept: application/vnd.oci.image.index.v1+json' \
    "http://$REGISTRY_ADDR/v2/$1/manifests/$2" 2>/dev/null
}

# Removes a scratch directory that may hold leftover mounts (debootstrap mounts proc/sys).
remove_tree() {
  local dir=$1 mnt
  [[ -e $dir ]] || return 0
  while read -r mnt; do
    umount -l "$mnt" 2>/dev/null || true
  done < <(awk -v d="$dir" 'index($2, d"/") == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$dir"
}

# The CA bundle of this host, so HTTPS through the re-signing proxy works inside builds.
# Also placed under /usr/local/share/ca-certificates so an `apt-get install ca-certificates`
# inside a build (which regenerates the bundle) keeps trusting it.
add_host_ca() { # rootfs
  [[ -s $HOST_CA_BUNDLE ]] || die "host CA bundle $HOST_CA_BUNDLE missing (install ca-certificates)"
  install -D -m 644 "$HOST_CA_BUNDLE" "$1/etc/ssl/certs/ca-certificates.crt"
  install -D -m 644 "$HOST_CA_BUNDLE" "$1/usr/local/share/ca-certificates/strata-testbed-host.crt"
}

CA_ENV=(
  --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt'
  --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt'
  --change 'ENV REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt'
)

build_debian() {
  local ref=$REGISTRY_ADDR/library/debian:bookworm
  local cache=$STATE/cache/debian-bookworm-minbase.tar
  mkdir -p "$STATE/cache" "$STATE/tmp"
  if [[ ! -s $cache ]]; then
    local root=$STATE/tmp/debootstrap
    remove_tree "$root"
    log "debian:bookworm: debootstrap --variant=minbase (about a minute; log: $STATE/debootstrap.log)"
    timeout 1200 debootstrap --variant=minbase bookworm "$root" "$DEBIAN_MIRROR" >"$STATE/debootstrap.log" 2>&1 || {
      tail -n 30 "$STATE/debootstrap.log" >&2
      remove_tree "$root"
      die "debootstrap failed (log: $STATE/debootstrap.log)"
    }
    # Like upstream's image: no apt lists or caches, no host identity files, empty /dev.
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
    rm -f "$root/etc/resolv.conf" "$root/etc/hostname"
    tar --numeric-owner --xattrs -C "$root" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
      -cf "$cache.tmp" .
    mv "$cache.tmp" "$cache"
    remove_tree "$root"
  else
    log "debian:bookworm: using cached rootfs $cache"
  fi
  local work=$STATE/tmp/debian-image
  remove_tree "$work"
  mkdir -p "$work"
  tar --numeric-owner --xattrs -C "$work" -xpf "$cache"
  add_host_ca "$work"
  # Deliberately no ENV PATH: an imported image has no Env, so the frontend's default PATH is exercised.
  log "debian:bookworm: importing and pushing $ref"
  tar --numeric-owner --xattrs -C "$work" -c . |
    timeout 600 docker import "${CA_ENV[@]}" --change 'CMD ["bash"]' \
      --message 'strata testbed: debootstrap minbase bookworm + host CA bundle' - "$ref" >/dev/null
  remove_tree "$work"
  timeout 600 docker push -q "$ref" >/dev/null || die "docker push $ref failed or timed out"
}

build_busybox() {
  local ref=$REGISTRY_ADDR/library/busybox:latest
  local work=$STATE/tmp/busybox-image
  local bb=/bin/busybox
  [[ -x $bb ]] || bb=$(dpkg -L busybox-static | grep -m1 '/busybox$')
  [[ -x $bb ]] || die "static busybox not found (package busybox-static)"
  remove_tree "$work"
  mkdir -p "$work"/{bin,etc,root,tmp,var,home,usr}
  chmod 1777 "$work/tmp"
  chmod 700 "$work/root"
  install -m 755 "$bb" "$work/bin/busybox"
  # What `busybox --install -s /bin` does inside the image, done from outside
  # (--install resolves /proc/self/exe, which would point at the host path).
  local applet
  while read -r applet; do
    [[ $applet == busybox || -e $work/bin/$applet ]] || ln -s busybox "$work/bin/$applet"
  done < <("$work/bin/busybox" --list)
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$work/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$work/etc/group"
  add_host_ca "$work"
  # Unlike debian:bookworm, this image sets PATH the way upstream images do.
  log "busybox:latest: importing and pushing $ref"
  tar --numeric-owner -C "$work" -c . |
    timeout 600 docker import "${CA_ENV[@]}" \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["sh"]' \
      --message 'strata testbed: busybox-static' - "$ref" >/dev/null
  remove_tree "$work"
  timeout 600 docker push -q "$ref" >/dev/null || die "docker push $ref failed or timed out"
}

ensure_images() {
  if registry_has library/debian bookworm; then
    log "debian:bookworm: present in registry"
  else
    build_debian
  fi
  if registry_has library/busybox latest; then
    log "busybox:latest: present in registry"
  else
    build_busybox
  fi
}

# FROM debian:bookworm / FROM busybox must resolve through the mirror (--pull forces the lookup).
smoke_build() {
  local dir=$STATE/tmp/smoke
  mkdir -p "$dir"
  cat >"$dir/Dockerfile" <<'EOF'
FROM debian:bookworm AS deb
RUN test -s /etc/ssl/certs/ca-certificates.crt && grep -q bookworm /etc/os-release
FROM busybox
COPY --from=deb /etc/debian_version /debian_version
RUN cat /debian_version
EOF
  log "smoke build: FROM debian:bookworm + FROM busybox through the mirror"
  if ! timeout 300 docker buildx build --builder default --pull --network=host --progress=plain \
    -f "$dir/Dockerfile" "$dir" >"$STATE/smoke.log" 2>&1; then
    tail -n 30 "$STATE/smoke.log" >&2
    die "smoke build failed (log: $STATE/smoke.log)"
  fi
}

write_env() {
  local content
  content="# strata engine testbed; source this file (written by scripts/testbed.sh up)
export STRATA_TESTBED=1
export STRATA_TESTBED_DIR=$STATE
export DOCKER_HOST=unix://$SOCK
export BUILDKIT_HOST=docker://$SOCK
export STRATA_REGISTRY=$REGISTRY_ADDR"
  printf '%s\n' "$content" >"$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
}

# ---------------------------------------------------------------- commands

cmd_up() {
  need_root
  take_lock
  local t0=$SECONDS
  install_packages
  start_registry
  start_dockerd
  ensure_images
  smoke_build
  write_env
  log "up in $((SECONDS - t0))s; source $ENV_FILE"
}

cmd_down() {
  need_root
  take_lock
  stop_pidfile dockerd "$STATE/dockerd.pid" dockerd
  # dockerd bind-mounts its data root onto itself and leaves that mount behind.
  if ! pid_alive "$STATE/dockerd.pid" dockerd && mountpoint -q "$STATE/docker"; then
    umount "$STATE/docker" || log "could not unmount $STATE/docker (still busy?)"
  fi
  stop_pidfile registry "$STATE/registry.pid" docker-registry
  log "down; caches kept in $STATE"
}

cmd_status() {
  echo "state dir: $STATE"
  if pid_alive "$STATE/registry.pid" docker-registry; then
    echo "registry:  pid $(<"$STATE/registry.pid") on $REGISTRY_ADDR"
  elif registry_answers; then
    echo "registry:  answers on $REGISTRY_ADDR (not started by this script)"
  else
    echo "registry:  not running"
  fi
  if registry_answers; then
    local repo tags
    for repo in $(curl -fsS -m 5 "http://$REGISTRY_ADDR/v2/_catalog" | jq -r '.repositories[]'); do
      tags=$(curl -fsS -m 5 "http://$REGISTRY_ADDR/v2/$repo/tags/list" | jq -r '(.tags // []) | join(",")')
      echo "           $repo: $tags"
    done
  fi
  if dockerd_answers; then
    local pid='?'
    [[ -s $STATE/dockerd.pid ]] && pid=$(<"$STATE/dockerd.pid")
    echo "dockerd:   pid $pid on $SOCK"
    echo "           engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})'), client $(docker version --format '{{.Client.Version}}')"
    echo "           $(docker info --format 'storage driver {{.Driver}}, cgroup {{.CgroupVersion}}/{{.CgroupDriver}}')"
    local bk
    bk=$(docker buildx inspect default 2>/dev/null | awk -F': *' '/^BuildKit version|^Buildkit/ { print $2; exit }')
    # Debian's docker.io does not stamp the embedded BuildKit's version (moby 26.1 vendors 0.13.x).
    [[ $bk == v0.0.0+unknown ]] && bk="$bk (unstamped Debian build; moby 26.1 embeds BuildKit 0.13.x)"
    echo "           buildkit ${bk:-?}"
    echo "           $(docker buildx version 2>/dev/null || echo 'buildx: missing')"
  else
    echo "dockerd:   not answering on $SOCK"
  fi
  if [[ -f $ENV_FILE ]]; then echo "env file:  $ENV_FILE"; else echo "env file:  none (run up)"; fi
}

cmd_env() {
  [[ -f $ENV_FILE ]] || die "no env file at $ENV_FILE; run '$0 up' first"
  echo "# $ENV_FILE"
  cat "$ENV_FILE"
}

main() {
  case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *)
    echo "usage: $0 up|down|status|env" >&2
    exit 2
    ;;
  esac
}

# Sourcing the file (for testing single functions) defines them without running anything.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then main "$@"; fi
