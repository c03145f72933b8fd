#!/usr/bin/env bash
# A real Matrix homeserver (Dendrite, from the Go module proxy) on loopback, for the push-channel test.
#   .ci/push_server.sh build              go install the binaries into var/push/bin (once)
#   .ci/push_server.sh start [--port N]   fresh config and SQLite data in var/push/data, wait until it answers
#   .ci/push_server.sh stop
# After start, var/push/env holds the two variables the test reads (VEILLE_TEST_MATRIX_URL and
# VEILLE_TEST_MATRIX_SECRET, the shared secret for registering its own accounts).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/local/go/bin/go ] && PATH=$PATH:/usr/local/go/bin
DIR=$PWD/var/push
BIN=$DIR/bin
DATA=$DIR/data
VERSION=v0.13.8
MODULE=github.com/matrix-org/dendrite

build() {
  if [ -x "$BIN/dendrite" ] && "$BIN/dendrite" -version 2>/dev/null | grep -q "${VERSION#v}"; then
    return 0
  fi
  mkdir -p "$BIN"
  local started=$SECONDS
  GOBIN=$BIN GOFLAGS=-mod=mod go install "$MODULE/cmd/dendrite@$VERSION" "$MODULE/cmd/generate-keys@$VERSION"
  echo "push server: dendrite $VERSION built in $((SECONDS - started)) s"
}

configure() {
  local port=$1 secret
  secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  rm -rf "$DATA" && mkdir -p "$DATA"
  (cd "$DATA" && "$BIN/generate-keys" --private-key matrix_key.pem >/dev/null)
  # Only what differs from Dendrite's defaults: SQLite files here, no federation (no traffic off the
  # machine), no open registration (accounts come through the shared secret), in-memory JetStream.
  cat >"$DATA/dendrite.yaml" <<EOF
version: 2
global:
  server_name: localhost
  private_key: matrix_key.pem
  disable_federation: true
  trusted_third_party_id_servers: []
  presence: {enable_inbound: false, enable_outbound: false}
  report_stats: {enabled: false}
  jetstream: {storage_path: ./, in_memory: true}
client_api:
  registration_disabled: true
  registration_shared_secret: "$secret"
  rate_limiting: {enabled: false}
federation_api: {database: {connection_string: "file:federationapi.db"}}
key_server: {database: {connection_string: "file:keyserver.db"}}
media_api: {database: {connection_string: "file:mediaapi.db"}, base_path: ./media}
mscs: {database: {connection_string: "file:mscs.db"}}
relay_api: {database: {connection_string: "file:relayapi.db"}}
room_server: {database: {connection_string: "file:roomserver.db"}}
sync_api: {database: {connection_string: "file:syncapi.db"}, search: {enabled: false}}
user_api:
  account_database: {connection_string: "file:userapi.db"}
logging: [{type: std, level: warn}]
EOF
  printf 'export VEILLE_TEST_MATRIX_URL=http://127.0.0.1:%s\nexport VEILLE_TEST_MATRIX_SECRET=%s\n' \
    "$port" "$secret" >"$DIR/env"
}

start() {
  local port=8009
  [ "${1:-}" = "--port" ] && port=$2
  stop
  configure "$port"
  # Its own session, so CI's job control leaves it alone; the pid is written from inside (setsid may fork).
  (cd "$DATA" && setsid bash -c 'echo $$ >"$0"; exec "$@"' "$DIR/pid" "$BIN/dendrite" -config dendrite.yaml \
    -http-bind-address "127.0.0.1:$port" -https-bind-address "" >"$DIR/dendrite.log" 2>&1 &)
  for _ in $(seq 20); do [ -s "$DIR/pid" ] && break; sleep 0.1; done
  for _ in $(seq 120); do
    if curl -fsS "http://127.0.0.1:$port/_matrix/client/versions" >/dev/null 2>&1; then
      echo "push server: dendrite on 127.0.0.1:$port (pid $(cat "$DIR/pid"))"
      return 0
    fi
    kill -0 "$(cat "$DIR/pid")" 2>/dev/null || break
    sleep 0.5
  done
  echo "push server: dendrite did not start; last log lines:" >&2
  tail -20 "$DIR/dendrite.log" >&2
  return 1
}

stop() {
  [ -f "$DIR/pid" ] || return 0
  local pid
  pid=$(cat "$DIR/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$DIR/pid"
}

case "${1:-}" in
  build) build ;;
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 build|start [--port N]|stop" >&2; exit 2 ;;
esac
