#!/usr/bin/env bash
# Starts the real services the tests run against: a throw-away PostgreSQL server and an SMTP
# server (aiosmtpd), and exports where they are (CONTRACTREGIE_TEST_*). Both are stopped and
# their data removed when the calling shell exits.
#
#   source scripts/test-services.sh           # from another script (scripts/test.sh does this)
#   scripts/test-services.sh CMD [ARGS...]    # run one command with the services up
#
# Ports: PostgreSQL 55432 and SMTP 2525 unless taken (or overridden with CONTRACTREGIE_PG_PORT /
# CONTRACTREGIE_SMTP_PORT); the next free port is used, so several checkouts can test at once.
set -euo pipefail

ctr_log() { echo "test-services: $*" >&2; }

# Debian's interpreter, not the pyenv python3 on PATH: only it sees python3-aiosmtpd.
CONTRACTREGIE_TEST_SMTP_PYTHON=/usr/bin/python3

ctr_install_packages() {
    local p missing=()
    for p in postgresql python3-aiosmtpd chromium; do
        dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    ctr_log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        postgresql python3-aiosmtpd chromium
}

# True when something already accepts connections on 127.0.0.1:$1.
ctr_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PostgreSQL refuses to run as root; as any other user it runs as that user.
ctr_as_pg() {
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

ctr_start_postgres() {
    local bin version port tries=0
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    version=$(basename "$(dirname "$bin")")
    CONTRACTREGIE_PG_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$CONTRACTREGIE_PG_PASSWORD" >"$CONTRACTREGIE_TEST_TMP/pwfile"

    # Password auth over TCP like production; the local socket (only in our temp dir) is trusted.
    ctr_as_pg "$bin/initdb" -D "$CONTRACTREGIE_TEST_TMP/pgdata" -U postgres \
        --pwfile="$CONTRACTREGIE_TEST_TMP/pwfile" --auth-host=scram-sha-256 --auth-local=trust \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$CONTRACTREGIE_TEST_TMP/initdb.log" \
        || { cat "$CONTRACTREGIE_TEST_TMP/initdb.log" >&2; return 1; }
    rm -f "$CONTRACTREGIE_TEST_TMP/pwfile"

    # Durability is pointless for test data; fsync off etc. make schema setup much faster.
    port=${CONTRACTREGIE_PG_PORT:-55432}
    while :; do
        while ctr_port_in_use "$port"; do port=$((port + 1)); done
        if ctr_as_pg "$bin/pg_ctl" start -w -s -D "$CONTRACTREGIE_TEST_TMP/pgdata" \
            -l "$CONTRACTREGIE_TEST_TMP/postgres.log" \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$CONTRACTREGIE_TEST_TMP -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; then
            break
        fi
        # Another run may have grabbed the port between the check and the bind: try the next.
        tries=$((tries + 1))
        if [ "$tries" -ge 5 ]; then cat "$CONTRACTREGIE_TEST_TMP/postgres.log" >&2; return 1; fi
        port=$((port + 1))
    done
    CONTRACTREGIE_PG_BIN=$bin
    ctr_as_pg "$bin/createdb" -h "$CONTRACTREGIE_TEST_TMP" -p "$port" -U postgres contractregie_test

    export CONTRACTREGIE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$CONTRACTREGIE_PG_PASSWORD;Database=contractregie_test"
    ctr_log "PostgreSQL $version started on 127.0.0.1:$port (data in $CONTRACTREGIE_TEST_TMP/pgdata)"
}

# True when process $1 itself listens on 127.0.0.1:$2; a bare connect could reach another run's
# server that took the port first (ours then dies with "address already in use").
ctr_owns_port() {
    local inode
    inode=$(awk -v a="0100007F:$(printf %04X "$2")" '$2 == a && $4 == "0A" { print $10 }' /proc/net/tcp)
    [ -n "$inode" ] && ls -l "/proc/$1/fd" 2>/dev/null | grep -q "socket:\\[$inode\\]"
}

ctr_start_smtp() {
    local port=${CONTRACTREGIE_SMTP_PORT:-2525} tries=0
    while :; do
        while ctr_port_in_use "$port"; do port=$((port + 1)); done
        # -n: stay root instead of switching to nobody; messages are printed to smtp.log.
        PYTHONUNBUFFERED=1 "$CONTRACTREGIE_TEST_SMTP_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$port" \
            >>"$CONTRACTREGIE_TEST_TMP/smtp.log" 2>&1 &
        CONTRACTREGIE_SMTP_PID=$!
        for _ in $(seq 100); do
            ctr_owns_port "$CONTRACTREGIE_SMTP_PID" "$port" && break 2
            kill -0 "$CONTRACTREGIE_SMTP_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill "$CONTRACTREGIE_SMTP_PID" 2>/dev/null || true
        tries=$((tries + 1))
        if [ "$tries" -ge 5 ]; then cat "$CONTRACTREGIE_TEST_TMP/smtp.log" >&2; return 1; fi
        port=$((port + 1))
    done
    export CONTRACTREGIE_TEST_SMTP_HOST=127.0.0.1 CONTRACTREGIE_TEST_SMTP_PORT=$port
    ctr_log "SMTP (aiosmtpd) started on 127.0.0.1:$port"
}

ctr_stop_services() {
    if [ -n "${CONTRACTREGIE_SMTP_PID:-}" ]; then
        kill "$CONTRACTREGIE_SMTP_PID" 2>/dev/null || true
        wait "$CONTRACTREGIE_SMTP_PID" 2>/dev/null || true
        CONTRACTREGIE_SMTP_PID=""
    fi
    if [ -n "${CONTRACTREGIE_PG_BIN:-}" ]; then
        ctr_as_pg "$CONTRACTREGIE_PG_BIN/pg_ctl" stop -s -m immediate -D "$CONTRACTREGIE_TEST_TMP/pgdata" || true
        CONTRACTREGIE_PG_BIN=""
    fi
    if [ -n "${CONTRACTREGIE_TEST_TMP:-}" ]; then rm -rf "$CONTRACTREGIE_TEST_TMP"; fi
    ctr_log "services stopped"
    return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ] && [ $# -eq 0 ]; then
    ctr_log "usage: source $0, or $0 CMD [ARGS...]"
    exit 2
fi

ctr_install_packages

# One temp dir per run holds the database, logs and sockets; scripts/test.sh adds its results.
CONTRACTREGIE_TEST_TMP=$(mktemp -d /tmp/contractregie-test.XXXXXX)
chmod 755 "$CONTRACTREGIE_TEST_TMP"
[ "$(id -u)" -ne 0 ] || chown postgres: "$CONTRACTREGIE_TEST_TMP"
export CONTRACTREGIE_TEST_TMP CONTRACTREGIE_TEST_SMTP_PYTHON

# Stop on any exit; turn signals into an exit so the EXIT trap runs.
trap ctr_stop_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

ctr_start_postgres
ctr_start_smtp
export CONTRACTREGIE_TEST_CHROMIUM=/usr/bin/chromium

# Executed rather than sourced: run the given command with the services up, then stop them.
[ "${BASH_SOURCE[0]}" != "$0" ] || "$@"
