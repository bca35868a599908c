#!/usr/bin/env bash
# Point-in-time restore, rehearsed on a PostgreSQL cluster of its own (never the shared one on 5432):
#   1. a source cluster archiving its WAL into a folder (what CloudNativePG's plugin does into object storage)
#   2. a base backup with pg_basebackup
#   3. rows written after the backup, the target time noted, then a "mistake" (every row deleted)
#   4. a scratch cluster from the base backup replaying the archived WAL up to the target time
# It ends with the rows the restore has and exits non-zero unless they are the rows before the mistake.
# Usage: deploy/local/pitr-rehearsal.sh [work-dir]   (as root: runs PostgreSQL as user postgres)
# Ports: ROTATION_PITR_SOURCE_PORT (55432), ROTATION_PITR_RESTORE_PORT (55433).
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
WORK=${1:-$(mktemp -d /tmp/rotation-pitr.XXXXXX)}
SOURCE_PORT=${ROTATION_PITR_SOURCE_PORT:-55432}
RESTORE_PORT=${ROTATION_PITR_RESTORE_PORT:-55433}
ARCHIVE=$WORK/wal-archive

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { as_pg "$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$1" -U postgres -d rotation -v ON_ERROR_STOP=1 -c "$2"; }
stop_all() {
  for dir in "$WORK/source" "$WORK/restore"; do
    [ -f "$dir/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
  done
}
trap stop_all EXIT

mkdir -p "$WORK" "$ARCHIVE"
[ "$(id -u)" = 0 ] && chown -R postgres: "$WORK"

echo "== source cluster on port $SOURCE_PORT, WAL archived into $ARCHIVE"
as_pg "$PG_BIN/initdb" -D "$WORK/source" -U postgres --auth=trust >/dev/null
cat >> "$WORK/source/postgresql.conf" <<CONF
port = $SOURCE_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
CONF
as_pg "$PG_BIN/pg_ctl" -D "$WORK/source" -l "$WORK/source.log" -w start >/dev/null
as_pg "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$SOURCE_PORT" -U postgres -d postgres -c 'create database rotation'
sql "$SOURCE_PORT" "create table plays (id int primary key, note text); insert into plays select g, 'before the backup' from generate_series(1, 100) g"

echo "== base backup (pg_basebackup)"
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$SOURCE_PORT" -U postgres -D "$WORK/base" -Fp -X stream -c fast

sql "$SOURCE_PORT" "insert into plays select g, 'after the backup' from generate_series(101, 150) g"
sleep 1
TARGET=$(sql "$SOURCE_PORT" "select now()")
sleep 1
sql "$SOURCE_PORT" "delete from plays"
echo "   target time $TARGET, then every row deleted"
sql "$SOURCE_PORT" "select pg_switch_wal()" >/dev/null
# the WAL segment holding the delete must be archived before the restore can read past the target
for _ in $(seq 1 50); do
  [ "$(sql "$SOURCE_PORT" "select last_archived_wal is not null and last_failed_wal is null from pg_stat_archiver")" = t ] && break
  sleep 0.2
done
as_pg "$PG_BIN/pg_ctl" -D "$WORK/source" -m fast -w stop >/dev/null

echo "== scratch cluster on port $RESTORE_PORT: the base backup, WAL replayed up to the target time"
as_pg cp -a "$WORK/base" "$WORK/restore"
cat >> "$WORK/restore/postgresql.conf" <<CONF
port = $RESTORE_PORT
archive_mode = off
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
CONF
as_pg touch "$WORK/restore/recovery.signal"
as_pg "$PG_BIN/pg_ctl" -D "$WORK/restore" -l "$WORK/restore.log" -w -t 120 start >/dev/null
for _ in $(seq 1 100); do
  [ "$(sql "$RESTORE_PORT" "select pg_is_in_recovery()")" = f ] && break
  sleep 0.2
done
RESULT=$(sql "$RESTORE_PORT" "select count(*) filter (where note = 'before the backup') || ' before, ' || count(*) filter (where note = 'after the backup') || ' after the backup' from plays")
echo "   restored: $RESULT"
grep -E 'recovery stopping|consistent recovery state|archive recovery complete' "$WORK/restore.log" | sed 's/^/   log: /' || true
[ "$RESULT" = "100 before, 50 after the backup" ] || { echo "point-in-time restore FAILED: expected 100 before, 50 after" >&2; exit 1; }
echo "point-in-time restore OK (work folder $WORK)"
