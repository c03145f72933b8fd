#!/usr/bin/env bash
# A real Elasticsearch 8 node (or a small cluster) for tests and local development.
#
# Built only from Maven Central artifacts (org.elasticsearch:elasticsearch + transport-netty4, see
# tools/elasticsearch/pom.xml) and started in-process by tools/elasticsearch/src/.../VeilleEsNode.java.
# Needs Java 17 (java/javac on PATH or JAVA_HOME), Maven 3, curl.
#
#   .ci/es.sh start [--nodes N] [--port 9201] [--clean]   start (idempotent), wait for yellow/green, print URL
#   .ci/es.sh stop                                         stop every node (SIGTERM, then SIGKILL after 60 s)
#   .ci/es.sh restart [--nodes N] [--port P]               stop + start, same data dir (data survives)
#   .ci/es.sh status                                       exit 0 if every node runs and HTTP answers
#   .ci/es.sh kill-node K [--graceful]                     kill node K (0-based; SIGKILL unless --graceful)
#   .ci/es.sh start-node K                                 start node K again (after kill-node)
#   .ci/es.sh build                                        only resolve the classpath and compile
#
# One JVM per node: node K listens on HTTP port P+K and transport port 9301+K (P=9201 by default), all on
# 127.0.0.1, cluster name "veille-es". N=1 uses discovery.type=single-node.
# Files: var/es/node-K.pid, var/es/node-K.log, data in var/es/data/nN/node-K (one data dir per cluster size),
# var/es/cluster.env (the parameters of the last start, reused by restart/status/kill-node).
# Environment: ES_HEAP (default 512m per node), ES_TRANSPORT_PORT (9301), ES_CLUSTER_NAME (veille-es),
# ES_WAIT_SECONDS (180), VEILLE_ES_VAR (default <repo>/var/es), ES_JAVA_HOME or JAVA_HOME.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ES_DIR="$ROOT/tools/elasticsearch"
TARGET="$ES_DIR/target"
VAR="${VEILLE_ES_VAR:-$ROOT/var/es}"
STATE="$VAR/cluster.env"
MAIN_CLASS="ma.veille.es.VeilleEsNode"
HEAP="${ES_HEAP:-512m}"
WAIT_SECONDS="${ES_WAIT_SECONDS:-180}"
HOST=127.0.0.1

# Java: ES_JAVA_HOME, else JAVA_HOME, else java/javac on PATH, else Debian's Java 17 (17 is the reference;
# the node was also seen to run on Java 25).
if [[ -n "${ES_JAVA_HOME:-${JAVA_HOME:-}}" ]]; then
  JAVA="${ES_JAVA_HOME:-$JAVA_HOME}/bin/java"; JAVAC="${ES_JAVA_HOME:-$JAVA_HOME}/bin/javac"
elif command -v javac >/dev/null 2>&1; then
  JAVA=java; JAVAC=javac
else
  JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java; JAVAC=/usr/lib/jvm/java-17-openjdk-amd64/bin/javac
fi

die() { echo "es.sh: error: $*" >&2; exit 1; }
log() { echo "es.sh: $*" >&2; }

# ---------------------------------------------------------------- state
NODES=1; PORT=9201
TPORT="${ES_TRANSPORT_PORT:-9301}"
CLUSTER="${ES_CLUSTER_NAME:-veille-es}"
load_state() {
  if [[ -f "$STATE" ]]; then
    # shellcheck disable=SC1090
    source "$STATE"
  fi
}
save_state() {
  mkdir -p "$VAR"
  printf 'NODES=%s\nPORT=%s\nTPORT=%s\nCLUSTER=%s\n' "$NODES" "$PORT" "$TPORT" "$CLUSTER" > "$STATE"
}
data_dir() { echo "$VAR/data/n$NODES"; }
pid_file() { echo "$VAR/node-$1.pid"; }
log_file() { echo "$VAR/node-$1.log"; }

# pid of node K if its JVM runs, else empty (stale pid files are removed)
node_pid() {
  local f pid
  f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 0
  pid="$(cat "$f" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"; then
    echo "$pid"
  else
    rm -f "$f"
  fi
}
running_nodes() { local k; for f in "$VAR"/node-*.pid; do [[ -e "$f" ]] || continue; k="${f##*/node-}"; k="${k%.pid}"; [[ -n "$(node_pid "$k")" ]] && echo "$k"; done; return 0; }

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# ---------------------------------------------------------------- build
build() {
  command -v "$JAVA" >/dev/null 2>&1 || [[ -x "$JAVA" ]] || die "java not found (need Java 17; set JAVA_HOME)"
  command -v mvn >/dev/null 2>&1 || die "mvn not found (need Maven 3)"
  mkdir -p "$TARGET"
  local srcs stamp_now
  srcs="$(find "$ES_DIR/src/main/java" -name '*.java' | sort)"
  stamp_now="$( { cat "$ES_DIR/pom.xml"; for s in $srcs; do cat "$s"; done; "$JAVA" -version 2>&1; } | sha256sum | cut -c1-64)"
  if [[ -f "$TARGET/build.stamp" && "$(cat "$TARGET/build.stamp")" == "$stamp_now" && -s "$TARGET/classpath.txt" ]] \
     && cp_files_exist; then
    return 0
  fi
  log "building: mvn dependency:build-classpath + javac (the first run downloads ~60 MB into ~/.m2)..."
  rm -f "$TARGET/build.stamp"
  (cd "$ES_DIR" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$TARGET/classpath.txt" >"$TARGET/mvn.log" 2>&1) \
    || { tail -n 30 "$TARGET/mvn.log" >&2; die "mvn dependency:build-classpath failed (log: $TARGET/mvn.log)"; }
  rm -rf "$TARGET/classes"; mkdir -p "$TARGET/classes"
  # shellcheck disable=SC2086
  "$JAVAC" --release 17 -nowarn -d "$TARGET/classes" -cp "$(cat "$TARGET/classpath.txt")" $srcs \
    || die "javac failed"
  echo "$stamp_now" > "$TARGET/build.stamp"
}
cp_files_exist() {
  local IFS=: j
  for j in $(cat "$TARGET/classpath.txt"); do [[ -f "$j" ]] || return 1; done
  [[ -f "$TARGET/classes/${MAIN_CLASS//.//}.class" ]]
}

# ---------------------------------------------------------------- start / stop
launch_node() {  # K
  local k="$1" pf lf hp tp
  pf="$(pid_file "$k")"; lf="$(log_file "$k")"; hp=$((PORT + k)); tp=$((TPORT + k))
  if [[ -n "$(node_pid "$k")" ]]; then return 0; fi
  port_busy "$hp" && die "port $hp is already in use by another process (not a node started by es.sh)"
  port_busy "$tp" && die "transport port $tp is already in use by another process"
  mkdir -p "$VAR" "$VAR/tmp" "$(data_dir)"
  [[ -f "$lf" ]] && mv -f "$lf" "$lf.1"
  local cp="$TARGET/classes:$(cat "$TARGET/classpath.txt")"
  # setsid: own session, so a Ctrl-C in the caller's terminal doesn't reach the node.
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pf" \
    "$JAVA" "-Xms$HEAP" "-Xmx$HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Dlog4j2.disable.jmx=true \
    -Dfile.encoding=UTF-8 -Djava.io.tmpdir="$VAR/tmp" \
    -cp "$cp" "$MAIN_CLASS" -numOfNode "$NODES" -nodeIndex "$k" -httpPort "$PORT" -transportPort "$TPORT" \
    -clusterName "$CLUSTER" -basePath "$(data_dir)" -host "$HOST" \
    >"$lf" 2>&1 </dev/null &
  local i
  for i in $(seq 1 50); do [[ -s "$pf" ]] && break; sleep 0.1; done
  [[ -s "$pf" ]] || die "node $k did not start (log: $lf)"
  LAUNCHED+=("$(cat "$pf")")
  log "node $k: pid $(cat "$pf"), http://$HOST:$hp, log $lf"
}

health() {  # PORT -> prints "status number_of_nodes", or nothing
  curl -s -m 10 "http://$HOST:$1/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null \
    | sed -n 's/.*"status":"\([a-z]*\)".*"number_of_nodes":\([0-9]*\).*/\1 \2/p'
}

wait_ready() {  # EXPECTED_NODE_COUNT: wait until the expected JVMs form a yellow/green cluster
  local want="$1" deadline=$((SECONDS + WAIT_SECONDS)) h k
  while (( SECONDS < deadline )); do
    for k in $(expected_nodes); do
      if [[ -z "$(node_pid "$k")" ]]; then
        tail -n 40 "$(log_file "$k")" >&2 || true
        die "node $k exited during startup (log: $(log_file "$k"))"
      fi
    done
    for k in $(expected_nodes); do
      h="$(health $((PORT + k)))"
      if [[ -n "$h" ]]; then
        local st="${h% *}" n="${h#* }"
        if [[ ( "$st" == green || "$st" == yellow ) && "$n" -ge "$want" ]]; then
          echo "$st"; return 0
        fi
        break
      fi
    done
    sleep 1
  done
  tail -n 40 "$(log_file "$(expected_nodes | head -n1)")" >&2 || true
  die "cluster not yellow/green with $want node(s) after ${WAIT_SECONDS}s (logs: $VAR/node-*.log)"
}
EXPECTED=""
expected_nodes() { if [[ -n "$EXPECTED" ]]; then echo "$EXPECTED"; else seq 0 $((NODES - 1)); fi; }

cmd_start() {
  local clean=0 req_nodes="" req_port=""
  while (( $# )); do
    case "$1" in
      --nodes) req_nodes="${2:?--nodes needs a value}"; shift 2 ;;
      --nodes=*) req_nodes="${1#*=}"; shift ;;
      --port) req_port="${2:?--port needs a value}"; shift 2 ;;
      --port=*) req_port="${1#*=}"; shift ;;
      --clean) clean=1; shift ;;
      *) die "start: unknown option $1" ;;
    esac
  done
  local running; running="$(running_nodes)"
  if [[ -n "$running" ]]; then
    load_state
    if [[ ( -n "$req_nodes" && "$req_nodes" != "$NODES" ) || ( -n "$req_port" && "$req_port" != "$PORT" ) || $clean == 1 ]]; then
      die "a cluster is already running ($NODES node(s) on port $PORT); run '.ci/es.sh stop' first"
    fi
  else
    NODES="${req_nodes:-1}"; PORT="${req_port:-9201}"
  fi
  [[ "$NODES" =~ ^[1-9][0-9]?$ ]] || die "--nodes must be a positive number"
  [[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number"
  build
  save_state
  if (( clean )); then log "removing $(data_dir)"; rm -rf "$(data_dir)"; fi
  local t0=$SECONDS k
  trap cleanup_failed_start EXIT
  for k in $(seq 0 $((NODES - 1))); do launch_node "$k"; done
  local st; st="$(wait_ready "$NODES")"
  trap - EXIT
  echo "Elasticsearch 8 ready at http://$HOST:$PORT ($NODES node(s), status $st, $((SECONDS - t0)) s)"
}

# On a failed start, stop the nodes this invocation launched: no half-started cluster is left behind.
LAUNCHED=()
cleanup_failed_start() {
  local rc=$?
  (( rc != 0 && ${#LAUNCHED[@]} )) || return 0
  log "start failed: stopping the node(s) it launched (logs stay in $VAR)"
  kill -KILL "${LAUNCHED[@]}" 2>/dev/null || true
  rm -f "$VAR"/node-*.pid
  exit "$rc"
}

stop_pids() {  # SIGTERM then SIGKILL after 60 s
  local pids=("$@") p i
  (( ${#pids[@]} )) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for i in $(seq 1 600); do
    local alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    (( alive )) || return 0
    sleep 0.1
  done
  log "some nodes ignored SIGTERM for 60 s: SIGKILL"
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

cmd_stop() {
  load_state
  local k pids=() p
  for k in $(running_nodes); do p="$(node_pid "$k")"; [[ -n "$p" ]] && pids+=("$p"); done
  if (( ${#pids[@]} == 0 )); then echo "Elasticsearch: not running"; rm -f "$VAR"/node-*.pid; return 0; fi
  stop_pids "${pids[@]}"
  rm -f "$VAR"/node-*.pid
  echo "Elasticsearch stopped (${#pids[@]} node(s))"
}

cmd_restart() {
  load_state
  local args=(--nodes "$NODES" --port "$PORT")
  cmd_stop
  (( $# )) && args=("$@")
  cmd_start "${args[@]}"
}

cmd_status() {
  load_state
  [[ -f "$STATE" ]] || { echo "Elasticsearch: not running (never started)"; return 3; }
  local k p up=0
  for k in $(seq 0 $((NODES - 1))); do
    p="$(node_pid "$k")"
    if [[ -n "$p" ]]; then up=$((up + 1)); echo "node $k: running, pid $p, http://$HOST:$((PORT + k))"; else echo "node $k: stopped"; fi
  done
  local url="" h="" k2
  for k2 in $(seq 0 $((NODES - 1))); do
    [[ -n "$(node_pid "$k2")" ]] || continue
    h="$(curl -s -m 5 "http://$HOST:$((PORT + k2))/_cluster/health" 2>/dev/null \
        | sed -n 's/.*"status":"\([a-z]*\)".*"number_of_nodes":\([0-9]*\).*/\1 \2/p')"
    if [[ -n "$h" ]]; then url="http://$HOST:$((PORT + k2))"; break; fi
  done
  if [[ -n "$h" ]]; then
    echo "cluster: status ${h% *}, ${h#* } node(s), $url"
  else
    echo "cluster: no answer"
  fi
  [[ $up -eq $NODES && -n "$h" ]] || return 3
}

cmd_kill_node() {
  local k="${1:-}"; shift || true
  [[ "$k" =~ ^[0-9]+$ ]] || die "kill-node needs a node number (0-based)"
  local sig=KILL; [[ "${1:-}" == --graceful ]] && sig=TERM
  load_state
  (( k < NODES )) || die "no node $k in a $NODES-node cluster"
  local p; p="$(node_pid "$k")"
  [[ -n "$p" ]] || die "node $k is not running"
  kill "-$sig" "$p"
  local i; for i in $(seq 1 600); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$p" 2>/dev/null && { kill -KILL "$p" 2>/dev/null || true; }
  rm -f "$(pid_file "$k")"
  echo "node $k (pid $p, port $((PORT + k))) killed with SIG$sig"
}

cmd_start_node() {
  local k="${1:-}"
  [[ "$k" =~ ^[0-9]+$ ]] || die "start-node needs a node number (0-based)"
  load_state
  [[ -f "$STATE" ]] || die "no cluster was started yet: use '.ci/es.sh start'"
  (( k < NODES )) || die "no node $k in a $NODES-node cluster"
  build
  launch_node "$k"
  EXPECTED="$(running_nodes)"
  local st; st="$(wait_ready "$(echo "$EXPECTED" | wc -l)")"
  echo "node $k started, cluster status $st"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop ;;
  restart) shift; cmd_restart "$@" ;;
  status) shift; cmd_status ;;
  kill-node) shift; cmd_kill_node "$@" ;;
  start-node) shift; cmd_start_node "$@" ;;
  build) shift; build; echo "classpath: $TARGET/classpath.txt, classes: $TARGET/classes" ;;
  *) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; [[ -z "${1:-}" || "$1" == -h || "$1" == --help ]] || exit 2 ;;
esac
