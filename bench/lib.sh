# Shared by the bench scripts (source it). Defines die, bench_commit, and for those that talk to a local
# `./rotation up` through the gateway (GATEWAY set) json_field, admin_token and import_sample.

die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
# The commit a result was measured at; "+dirty" when tracked files differ from it (a run of uncommitted code),
# other than the results and the README's table that the bench writes itself.
bench_commit() {
  local root=${1:-.} commit
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
  git -C "$root" diff --quiet HEAD -- . ':!bench/results.jsonl' ':!README.md' 2>/dev/null || commit+="+dirty"
  echo "$commit"
}
# the field of the JSON object on stdin; empty when stdin is not a JSON object (an error page, nothing)
json_field() {
  python3 -c 'import json, sys
try:
    print(json.load(sys.stdin).get(sys.argv[1], ""))
except (ValueError, AttributeError):
    print("")' "$1"
}

[[ -z ${GATEWAY:-} ]] || case $GATEWAY in http://127.0.0.1:* | http://localhost:*) ;; *) die "the gateway must be local: $GATEWAY" ;; esac

# The local admin's access token (dies when the gateway or the login is not there).
admin_token() {
  local token
  token=$(curl -s -m 20 -X POST "$GATEWAY/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\": \"${ROTATION_ADMIN_USERNAME:-admin}\", \"password\": \"${ROTATION_ADMIN_PASSWORD:-rotation-admin}\"}" \
    | json_field access_token)
  [[ -n $token ]] || die "cannot log in as the admin through $GATEWAY: run ./rotation up first"
  printf '%s' "$token"
}

# import_sample TOKEN FILE: uploads a Discogs dump through POST /api/v1/imports, waits until the import has ended
# (dies unless it completed) and prints the seconds from the upload's start to the run's finished_at (the server's
# clock is this machine's): the polling below, a curl and a python3 per round, would add up to a second or two
# under load.
import_sample() {
  local id status="" run="" t0
  t0=$(date +%s.%N)
  id=$(curl -s -m 60 -X POST "$GATEWAY/api/v1/imports" -H "authorization: Bearer $1" \
    -H 'content-type: application/gzip' --data-binary "@$2" | json_field id)
  [[ -n $id ]] || die "the import was not accepted"
  for _ in $(seq 1 3000); do
    run=$(curl -s -m 10 "$GATEWAY/api/v1/imports/$id" -H "authorization: Bearer $1")
    status=$(json_field status <<<"$run")
    [[ $status == completed || $status == failed ]] && break
    sleep 0.2
  done
  [[ $status == completed ]] || die "the import ended ${status:-nowhere}"
  python3 -c 'import datetime, json, sys
finished = datetime.datetime.fromisoformat(json.loads(sys.argv[1])["finished_at"].replace("Z", "+00:00"))
print(round(finished.timestamp() - float(sys.argv[2]), 3))' "$run" "$t0"
}
