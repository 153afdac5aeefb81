#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the mirror's tests (issue 14): made in a temporary directory,
# listening on 127.0.0.1 on a free port, owned by this run and removed by `postgres_stop`.
# Sourced by .ci/run; a developer can source it too (see the README):
#   source .ci/postgres.sh && postgres_start && swift test --filter Postgres; postgres_stop
# Sets NECTARQL_TEST_POSTGRES_URL, the URL the tests read (with the cluster's password in it).

postgres_bin() {
    # The newest installed server version (Debian: /usr/lib/postgresql/<version>/bin).
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# Installs the server from the distribution's packages when it is missing (CI runs as root).
postgres_install() {
    [ -n "$(postgres_bin)" ] && return 0
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
}

# A port nothing listens on: the kernel's choice through python3 when there is one, else a
# random high port that refuses a connection.
postgres_free_port() {
    if python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null; then
        return 0
    fi
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
    done
}

postgres_start() {
    local bin
    bin="$(postgres_bin)"
    if [ -z "$bin" ]; then
        echo "postgres: no server in /usr/lib/postgresql/*/bin; install the 'postgresql' package" >&2
        return 1
    fi
    POSTGRES_DIR="$(mktemp -d /tmp/nectarql-postgres.XXXXXX)"
    local port password runner=()
    port="$(postgres_free_port)"
    password="nectarql-test-$RANDOM$RANDOM"
    # initdb and the server refuse to run as root: run them as the 'postgres' user the package creates.
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$POSTGRES_DIR"
        runner=(runuser -u postgres --)
    fi
    printf '%s\n' "$password" >"$POSTGRES_DIR/password"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$POSTGRES_DIR/password"
    "${runner[@]}" "$bin/initdb" -D "$POSTGRES_DIR/data" -U nectarql --pwfile="$POSTGRES_DIR/password" \
        --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$POSTGRES_DIR/initdb.log" 2>&1 || {
        cat "$POSTGRES_DIR/initdb.log" >&2
        return 1
    }
    "${runner[@]}" "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$POSTGRES_DIR -c max_connections=200" start >/dev/null || {
        cat "$POSTGRES_DIR/server.log" >&2
        return 1
    }
    POSTGRES_RUNNER=("${runner[@]}")
    POSTGRES_BIN="$bin"
    export NECTARQL_TEST_POSTGRES_URL="postgres://nectarql:$password@127.0.0.1:$port/postgres?sslmode=disable"
    echo "postgres: a throwaway cluster listens on 127.0.0.1:$port (data in $POSTGRES_DIR)" >&2
}

postgres_stop() {
    [ -n "${POSTGRES_DIR:-}" ] || return 0
    "${POSTGRES_RUNNER[@]}" "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$POSTGRES_DIR"
    POSTGRES_DIR=
}
