#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the tests and print its URI.
#
#   scripts/pg_start.sh          start (idempotent); last line of output is the URI
#   scripts/pg_start.sh stop     stop it
#   scripts/pg_start.sh uri      print the URI only
#
# Listens on 127.0.0.1:$PG_PORT (default 5433, to leave 5432 to any system
# server), trust authentication for the local superuser "postgres", data in
# $PG_DIR (default /tmp/atelier-pg-$PG_PORT), fsync off: test data only.
# Installs Debian's postgresql with apt-get if no PostgreSQL binaries are found.
set -euo pipefail

PG_PORT="${PG_PORT:-5433}"
PG_DIR="${PG_DIR:-${TMPDIR:-/tmp}/atelier-pg-$PG_PORT}"
PG_USER=postgres
URI="postgresql://$PG_USER@127.0.0.1:$PG_PORT/"
DATA="$PG_DIR/data"
LOG="$PG_DIR/postgresql.log"

find_bindir() {
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -n "$d" ] && [ -x "$d/pg_ctl" ]; then
        echo "$d"
    elif command -v pg_ctl >/dev/null; then
        dirname "$(command -v pg_ctl)"
    fi
}

listening() {
    # bash's /dev/tcp: no client tools needed
    (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null
}

# Run a PostgreSQL command as the owner of the cluster: initdb and postgres
# refuse to run as root.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$PG_USER" -- "$@"
    else
        "$@"
    fi
}

case "${1:-start}" in
    uri)
        echo "$URI"; exit 0 ;;
    stop)
        BINDIR="$(find_bindir)"
        if [ -n "$BINDIR" ] && [ -f "$DATA/postmaster.pid" ]; then
            as_owner "$BINDIR/pg_ctl" -D "$DATA" -m fast -w stop
        else
            echo "no cluster running from $DATA"
        fi
        exit 0 ;;
    start) ;;
    *)
        echo "usage: $0 [start|stop|uri]" >&2; exit 2 ;;
esac

if listening; then
    echo "PostgreSQL already listening on 127.0.0.1:$PG_PORT"
    echo "$URI"
    exit 0
fi

BINDIR="$(find_bindir)"
if [ -z "$BINDIR" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "PostgreSQL is not installed; as root: apt-get install -y postgresql" >&2
        exit 1
    fi
    echo "Installing Debian's postgresql..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends postgresql </dev/null
    BINDIR="$(find_bindir)"
    [ -n "$BINDIR" ] || { echo "PostgreSQL binaries not found after install" >&2; exit 1; }
fi

if [ "$(id -u)" = 0 ]; then
    id "$PG_USER" >/dev/null 2>&1 || useradd --system --home-dir "$PG_DIR" "$PG_USER"
    install -d -m 0700 -o "$PG_USER" "$PG_DIR"
else
    install -d -m 0700 "$PG_DIR"
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"
    as_owner "$BINDIR/initdb" -D "$DATA" -U "$PG_USER" --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" \
        || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
fi

# A stale pid file from a killed server would make pg_ctl refuse to start.
if [ -f "$DATA/postmaster.pid" ] && ! as_owner "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    rm -f "$DATA/postmaster.pid"
fi

as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o \
    "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { tail -n 20 "$LOG" >&2; exit 1; }

echo "PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') started on 127.0.0.1:$PG_PORT (data: $DATA, log: $LOG)"
echo "$URI"
