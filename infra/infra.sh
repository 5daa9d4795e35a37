#!/usr/bin/env bash
# shellcheck disable=SC2153 # (KAFKA_HOST and friends come from infra/versions.env)
# Native development/CI infrastructure for tingjian: Kafka (KRaft, one node), FerretDB (MongoDB
# wire protocol on SQLite) and Mailpit (SMTP sink with an HTTP API). No Docker needed.
#
#   bash infra/infra.sh up     [service...]   build/download if needed, start, wait until answering
#   bash infra/infra.sh down   [service...]   stop what `up` started (SIGTERM, then SIGKILL after 20 s)
#   bash infra/infra.sh kill   <service...>   SIGKILL (fault tests); data is kept, `up` restarts on it
#   bash infra/infra.sh status [service...]   one line per service
#   bash infra/infra.sh logs   <service> [n]  last n (default 50) lines of the service's log
#   bash infra/infra.sh build  [service...]   only build/download into the cache
#
# service: kafka | ferretdb | mailpit (default: all three). See infra/README.md.
set -euo pipefail

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$INFRA_DIR/.." && pwd)

# Ports may be overridden from the environment (e.g. KAFKA_PORT=19092), so that a second set of servers
# can run beside the first under its own TINGJIAN_DATA_DIR (bench/chaos does); versions.env keeps the
# defaults as plain KEY=VALUE lines.
PORT_VARS=(KAFKA_PORT KAFKA_CONTROLLER_PORT FERRETDB_PORT MAILPIT_SMTP_PORT MAILPIT_HTTP_PORT)
declare -A PORTS_FROM_ENV=()
for v in "${PORT_VARS[@]}"; do
  if [[ -n ${!v:-} ]]; then PORTS_FROM_ENV[$v]=${!v}; fi
done
# shellcheck source=infra/versions.env disable=SC1091
source "$INFRA_DIR/versions.env"
for v in "${!PORTS_FROM_ENV[@]}"; do
  [[ ${PORTS_FROM_ENV[$v]} =~ ^[0-9]{1,5}$ ]] || {
    printf 'infra: %s=%s is not a port number\n' "$v" "${PORTS_FROM_ENV[$v]}" >&2
    exit 1
  }
  printf -v "$v" '%s' "${PORTS_FROM_ENV[$v]}"
done
# Other ports with the default data dir would find the default servers' pid files: refuse.
if ((${#PORTS_FROM_ENV[@]} > 0)) && [[ -z ${TINGJIAN_DATA_DIR:-} ]]; then
  printf 'infra: %s set without TINGJIAN_DATA_DIR: a second set of servers needs its own data dir\n' \
    "${!PORTS_FROM_ENV[*]}" >&2
  exit 1
fi

ALL_SERVICES=(kafka ferretdb mailpit)
KAFKA_MIN_JAVA=17
STOP_GRACE_SECONDS=${TINGJIAN_INFRA_STOP_GRACE:-20}
READY_TIMEOUT=${TINGJIAN_INFRA_TIMEOUT:-180}

DATA_ROOT=${TINGJIAN_DATA_DIR:-$ROOT/.data}
mkdir -p "$DATA_ROOT"
DATA_ROOT=$(cd "$DATA_ROOT" && pwd)
INFRA_DATA=$DATA_ROOT/infra
CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/tingjian

KAFKA_HOME=$CACHE_DIR/kafka-$KAFKA_VERSION
KAFKA_LIBS=$KAFKA_HOME/libs
FERRETDB_BIN=$CACHE_DIR/ferretdb-$FERRETDB_VERSION/bin/ferretdb
MAILPIT_BIN=$CACHE_DIR/mailpit-$MAILPIT_VERSION/bin/mailpit

# ---------------------------------------------------------------------------------------------
# helpers

say() { printf 'infra: %s\n' "$*"; }
die() {
  printf 'infra: %s\n' "$*" >&2
  exit 1
}

need() { # need <command> <what to install>
  command -v "$1" >/dev/null 2>&1 || die "$1 not found — install $2"
}

now() { date +%s; }

svc_dir() { printf '%s/%s' "$INFRA_DATA" "$1"; }
pid_file() { printf '%s/%s/pid' "$INFRA_DATA" "$1"; }
log_file() { printf '%s/%s/%s.log' "$INFRA_DATA" "$1" "$1"; }

svc_ports() {
  case $1 in
  kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ;;
  ferretdb) echo "$FERRETDB_PORT" ;;
  mailpit) echo "$MAILPIT_SMTP_PORT $MAILPIT_HTTP_PORT" ;;
  esac
}

svc_host() {
  case $1 in
  kafka) echo "$KAFKA_HOST" ;;
  ferretdb) echo "$FERRETDB_HOST" ;;
  mailpit) echo "$MAILPIT_HOST" ;;
  esac
}

# A string that the service's command line must contain (guards against a recycled pid).
svc_marker() {
  case $1 in
  kafka) echo "kafka.Kafka" ;;
  ferretdb) echo "$FERRETDB_BIN" ;;
  mailpit) echo "$MAILPIT_BIN" ;;
  esac
}

port_open() { # port_open <host> <port>
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# Prints the pid recorded for the service if that process is alive (and not a zombie) and is
# the service; returns 1 otherwise.
live_pid() {
  local f pid state
  f=$(pid_file "$1")
  [[ -s $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ $state != Z && $state != X ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$(svc_marker "$1")" || return 1
  echo "$pid"
}

log_tail() {
  local f
  f=$(log_file "$1")
  if [[ -f $f ]]; then
    printf -- '---- last lines of %s ----\n' "$f" >&2
    tail -n "${2:-40}" "$f" >&2
    printf -- '----\n' >&2
  fi
}

http_ok() { # http_ok <url>
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 3 -o /dev/null "$1" 2>/dev/null
  else
    node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(3000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$1"
  fi
}

# ---------------------------------------------------------------------------------------------
# Java for Kafka: KAFKA_JAVA_HOME, then JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/*.

java_major() {
  "$1" -version 2>&1 | sed -nE '1s/.*version "([0-9]+)(\.[0-9]+)?.*/\1/p'
}

KAFKA_JAVA=
kafka_java() {
  [[ -n $KAFKA_JAVA ]] && return 0
  local c candidates=()
  [[ -n ${KAFKA_JAVA_HOME:-} ]] && candidates+=("$KAFKA_JAVA_HOME/bin/java")
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in /usr/lib/jvm/*/bin/java; do [[ -x $c ]] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [[ -x $c ]] || continue
    local major
    major=$(java_major "$c")
    if [[ -n $major && $major -ge $KAFKA_MIN_JAVA ]]; then
      KAFKA_JAVA=$c
      return 0
    fi
  done
  if ((${#candidates[@]} == 0)); then
    die "java not found — install a JDK $KAFKA_MIN_JAVA+ (Debian: apt-get install openjdk-17-jre-headless)"
  fi
  die "Kafka $KAFKA_VERSION needs Java $KAFKA_MIN_JAVA+, found only older ones — install openjdk-17-jre-headless or set KAFKA_JAVA_HOME"
}

# Runs a Kafka command-line class with the cached jars and quiet logging.
kafka_tool() {
  "$KAFKA_JAVA" -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2-tools.xml" \
    -cp "$KAFKA_LIBS/*" "$@"
}

# ---------------------------------------------------------------------------------------------
# build / download into the cache (outside git)

kafka_built() { [[ -f $KAFKA_HOME/.complete && -f $KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar ]]; }
ferretdb_built() { [[ -x $FERRETDB_BIN ]]; }
mailpit_built() { [[ -x $MAILPIT_BIN ]]; }

build_kafka() {
  local tmp
  mkdir -p "$KAFKA_HOME"
  tmp=$(mktemp -d "$KAFKA_HOME/libs.tmp.XXXXXX")
  mvn -B -q -Dstyle.color=never -f "$INFRA_DIR/kafka/pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" -Dlog4j.version="$KAFKA_LOG4J_VERSION" \
    -Dkafka.libs.dir="$tmp" package 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g'
  [[ -f $tmp/kafka_2.13-$KAFKA_VERSION.jar ]] || die "maven did not produce kafka_2.13-$KAFKA_VERSION.jar"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  touch "$KAFKA_HOME/.complete"
}

# FerretDB's own main package refuses to start unless build/version/version.txt exists, which
# `go install module@version` cannot provide; so build from a copy of the module source.
build_ferretdb() {
  local work src dir
  work=$(mktemp -d "$CACHE_DIR/build-ferretdb.XXXXXX")
  dir=$(cd "$work" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    sed -nE 's/^[[:space:]]*"Dir": "(.*)",?$/\1/p')
  [[ -n $dir && -d $dir ]] || die "could not download github.com/FerretDB/FerretDB@$FERRETDB_VERSION"
  src=$work/src
  cp -R "$dir/." "$src"
  chmod -R u+w "$src"
  printf '%s\n' "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o "$work/ferretdb" ./cmd/ferretdb)
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  mv "$work/ferretdb" "$FERRETDB_BIN"
  rm -rf "$work"
}

build_mailpit() {
  local work
  work=$(mktemp -d "$CACHE_DIR/build-mailpit.XXXXXX")
  (cd "$work" && GOBIN=$work/bin CGO_ENABLED=0 go install -trimpath \
    -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$MAILPIT_VERSION" \
    "github.com/axllent/mailpit@$MAILPIT_VERSION")
  mkdir -p "$(dirname "$MAILPIT_BIN")"
  mv "$work/bin/mailpit" "$MAILPIT_BIN"
  rm -rf "$work"
}

# Builds what is missing, in parallel (Maven downloads while Go compiles).
ensure_built() {
  local s pids=() names=() logs=() failed=0 t0 stale
  # Leftovers of an interrupted build (we hold the lock, so nothing else is building).
  for stale in "$CACHE_DIR"/build-ferretdb.* "$CACHE_DIR"/build-mailpit.* "$CACHE_DIR"/kafka-*/libs.tmp.*; do
    [[ -e $stale ]] || continue
    chmod -R u+w "$stale" 2>/dev/null || true
    rm -rf "$stale"
  done
  for s in "$@"; do
    case $s in
    kafka)
      kafka_java
      kafka_built && continue
      need mvn "Maven 3.8+ (Debian: apt-get install maven)"
      ;;
    ferretdb | mailpit)
      "${s}_built" && continue
      need go "Go 1.26+ (it builds FerretDB and Mailpit once into the cache)"
      ;;
    esac
    mkdir -p "$CACHE_DIR/build-logs"
    local log=$CACHE_DIR/build-logs/$s.log
    say "$s: building into $CACHE_DIR (first run only; log: $log)"
    t0=$(now)
    (
      "build_$s"
      say "$s: built in $(($(now) - t0)) s"
    ) >"$log" 2>&1 &
    pids+=($!)
    names+=("$s")
    logs+=("$log")
  done
  local i
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then
      tail -n 1 "${logs[$i]}"
    else
      failed=1
      printf 'infra: %s: build failed; last lines of %s:\n' "${names[$i]}" "${logs[$i]}" >&2
      tail -n 30 "${logs[$i]}" >&2
    fi
  done
  ((failed == 0)) || exit 1
}

# ---------------------------------------------------------------------------------------------
# start

# Starts a command detached from this shell (own session; survives the caller), appending to the
# service log, and records its pid. The lock fd is closed so the server does not hold it.
launch() { # launch <service> <cmd...>
  local s=$1 log pid
  shift
  log=$(log_file "$s")
  printf '\n===== infra.sh: starting %s at %s =====\n' "$s" "$(date -u +%FT%TZ)" >>"$log"
  nohup setsid "$@" >>"$log" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$(pid_file "$s")"
}

start_kafka() {
  local dir
  dir=$(svc_dir kafka)
  mkdir -p "$dir/data"
  sed -e "s|@KAFKA_HOST@|$KAFKA_HOST|g" \
    -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_DATA_DIR@|$dir/data|g" \
    "$INFRA_DIR/kafka/server.properties" >"$dir/server.properties"
  if [[ ! -s $dir/cluster-id ]]; then
    kafka_tool kafka.tools.StorageTool random-uuid | tail -n 1 >"$dir/cluster-id.tmp"
    mv "$dir/cluster-id.tmp" "$dir/cluster-id"
  fi
  if [[ ! -f $dir/data/meta.properties ]]; then
    say "kafka: formatting storage (cluster id $(<"$dir/cluster-id"))"
    kafka_tool kafka.tools.StorageTool format --standalone --ignore-formatted \
      -t "$(<"$dir/cluster-id")" -c "$dir/server.properties" >>"$(log_file kafka)" 2>&1 ||
      {
        log_tail kafka
        die "kafka: formatting the storage failed"
      }
  fi
  launch kafka "$KAFKA_JAVA" -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dlog4j2.shutdownHookEnabled=false \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.xml" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$dir/server.properties"
}

start_ferretdb() {
  local dir
  dir=$(svc_dir ferretdb)
  mkdir -p "$dir/data"
  launch ferretdb "$FERRETDB_BIN" \
    --handler=sqlite \
    --sqlite-url="file:$dir/data/" \
    --listen-addr="$FERRETDB_HOST:$FERRETDB_PORT" \
    --state-dir="$dir" \
    --debug-addr=- \
    --telemetry=disable \
    --log-level=info
}

start_mailpit() {
  local dir
  dir=$(svc_dir mailpit)
  mkdir -p "$dir"
  launch mailpit "$MAILPIT_BIN" \
    --smtp "$MAILPIT_HOST:$MAILPIT_SMTP_PORT" \
    --listen "$MAILPIT_HOST:$MAILPIT_HTTP_PORT" \
    --database "$dir/mailpit.db" \
    --max 10000 \
    --label tingjian \
    --disable-version-check \
    --smtp-disable-rdns \
    --smtp-auth-accept-any \
    --smtp-auth-allow-insecure
}

# ---------------------------------------------------------------------------------------------
# readiness: does the service really answer?

# Kafka: the broker must list topics through the admin API (a real metadata round trip).
ready_kafka() {
  local since=$1
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || return 1
  if [[ $since -ge 0 ]]; then
    tail -c +"$((since + 1))" "$(log_file kafka)" | grep -q 'Kafka Server started' || return 1
  fi
  timeout 30 "$KAFKA_JAVA" -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2-tools.xml" -cp "$KAFKA_LIBS/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" --list \
    >/dev/null 2>&1
}

# FerretDB: a MongoDB wire-protocol ping ({ping: 1} over OP_MSG) must answer ok: 1.
ready_ferretdb() {
  local since=$1
  port_open "$FERRETDB_HOST" "$FERRETDB_PORT" || return 1
  if command -v node >/dev/null 2>&1; then
    node "$INFRA_DIR/lib/mongo-ping.mjs" "$FERRETDB_HOST" "$FERRETDB_PORT" 3000 >/dev/null 2>&1
  else
    [[ $since -lt 0 ]] || tail -c +"$((since + 1))" "$(log_file ferretdb)" | grep -q 'Listening on TCP'
  fi
}

# Mailpit: the HTTP API answers and the SMTP port accepts connections.
ready_mailpit() {
  http_ok "http://$MAILPIT_HOST:$MAILPIT_HTTP_PORT/api/v1/info" &&
    port_open "$MAILPIT_HOST" "$MAILPIT_SMTP_PORT"
}

# wait_ready <service> <log offset or -1>
wait_ready() {
  local s=$1 since=$2 deadline pid
  deadline=$(($(now) + READY_TIMEOUT))
  while :; do
    if ! pid=$(live_pid "$s"); then
      log_tail "$s"
      rm -f "$(pid_file "$s")"
      die "$s: the process exited before answering (see $(log_file "$s"))"
    fi
    "ready_$s" "$since" && return 0
    if (($(now) >= deadline)); then
      log_tail "$s"
      stop_one "$s" KILL >/dev/null
      die "$s: did not answer within $READY_TIMEOUT s (pid $pid killed; log: $(log_file "$s"))"
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------
# stop

# stop_one <service> TERM|KILL: signals the service (its whole session), waits for it to go.
stop_one() {
  local s=$1 sig=$2 pid deadline
  if ! pid=$(live_pid "$s"); then
    rm -f "$(pid_file "$s")"
    return 1
  fi
  kill -s "$sig" -- "-$pid" 2>/dev/null || kill -s "$sig" "$pid" 2>/dev/null || true
  if [[ $sig == TERM ]]; then
    deadline=$(($(now) + STOP_GRACE_SECONDS))
    while live_pid "$s" >/dev/null && (($(now) < deadline)); do sleep 0.2; done
    if live_pid "$s" >/dev/null; then
      say "$s: still running after ${STOP_GRACE_SECONDS}s, sending SIGKILL" >&2
      kill -s KILL -- "-$pid" 2>/dev/null || kill -s KILL "$pid" 2>/dev/null || true
    fi
  fi
  deadline=$(($(now) + 10))
  while live_pid "$s" >/dev/null && (($(now) < deadline)); do sleep 0.1; done
  live_pid "$s" >/dev/null && die "$s: pid $pid does not die"
  rm -f "$(pid_file "$s")"
  echo "$pid"
}

# ---------------------------------------------------------------------------------------------
# commands

cmd_build() {
  ensure_built "$@"
  say "cache: $CACHE_DIR"
}

cmd_up() {
  local s pid started=() offsets=() t0 p
  t0=$(now)
  ensure_built "$@"
  for s in "$@"; do
    mkdir -p "$(svc_dir "$s")"
    if pid=$(live_pid "$s"); then
      say "$s: already running (pid $pid), reusing it"
      started+=("$s")
      offsets+=(-1)
      continue
    fi
    rm -f "$(pid_file "$s")"
    for p in $(svc_ports "$s"); do
      if port_open "$(svc_host "$s")" "$p"; then
        die "$s: port $p is already in use by a process that infra.sh did not start — stop it first"
      fi
    done
    touch "$(log_file "$s")"
    offsets+=("$(stat -c %s "$(log_file "$s")")")
    "start_$s"
    say "$s: started (pid $(<"$(pid_file "$s")")), log: $(log_file "$s")"
    started+=("$s")
  done
  local i
  for i in "${!started[@]}"; do
    s=${started[$i]}
    wait_ready "$s" "${offsets[$i]}"
    say "$s: ready on $(svc_host "$s"):$(svc_ports "$s" | tr ' ' ',')"
  done
  say "up in $(($(now) - t0)) s"
}

cmd_down() {
  local s pid
  local -A running=()
  # Signal everything first, then wait (the services shut down in parallel).
  for s in "$@"; do
    if pid=$(live_pid "$s"); then
      running[$s]=$pid
      kill -s TERM -- "-$pid" 2>/dev/null || kill -s TERM "$pid" 2>/dev/null || true
    fi
  done
  for s in "$@"; do
    stop_one "$s" TERM >/dev/null || true
    if [[ -n ${running[$s]:-} ]]; then
      say "$s: stopped (pid ${running[$s]})"
    else
      say "$s: not running"
    fi
  done
}

cmd_kill() {
  local s pid
  for s in "$@"; do
    if pid=$(stop_one "$s" KILL); then
      say "$s: killed with SIGKILL (pid $pid); data kept in $(svc_dir "$s")"
    else
      say "$s: not running"
    fi
  done
}

cmd_status() {
  local s pid state ports p answering
  for s in "$@"; do
    ports=$(svc_ports "$s")
    if pid=$(live_pid "$s"); then
      answering=yes
      for p in $ports; do port_open "$(svc_host "$s")" "$p" || answering=no; done
      if [[ $answering == yes ]]; then state=running; else state=starting; fi
    else
      state=stopped
      pid=-
    fi
    printf '%-9s %-9s pid %-8s %s:%s\n' "$s" "$state" "$pid" "$(svc_host "$s")" "${ports// /,}"
  done
}

cmd_logs() {
  local f
  f=$(log_file "$1")
  [[ -f $f ]] || die "$1: no log yet ($f)"
  tail -n "${2:-50}" "$f"
}

usage() {
  sed -n '/^# Native/,/^# service:/p' "${BASH_SOURCE[0]}" | sed -E 's/^# ?//'
}

main() {
  local cmd=${1:-help}
  (($# > 0)) && shift
  case $cmd in
  help | -h | --help)
    usage
    return 0
    ;;
  logs)
    (($# >= 1)) || die "usage: infra.sh logs <service> [lines]"
    ;;
  up | down | kill | status | build) ;;
  *)
    usage >&2
    die "unknown command: $cmd"
    ;;
  esac

  local services=() s
  if [[ $cmd == logs ]]; then
    services=("$1")
  elif (($# > 0)); then
    services=("$@")
  elif [[ $cmd == kill ]]; then
    die "usage: infra.sh kill <service...> (one of: ${ALL_SERVICES[*]})"
  else
    services=("${ALL_SERVICES[@]}")
  fi
  for s in "${services[@]}"; do
    [[ " ${ALL_SERVICES[*]} " == *" $s "* ]] || die "unknown service: $s (one of: ${ALL_SERVICES[*]})"
  done

  case $cmd in
  status) cmd_status "${services[@]}" ;;
  logs) cmd_logs "$@" ;;
  *)
    mkdir -p "$INFRA_DATA" "$CACHE_DIR"
    # One infra.sh at a time changes state (two concurrent `up`s would race for the ports).
    exec 9>"$INFRA_DATA/.lock"
    if command -v flock >/dev/null 2>&1; then
      flock -w 900 9 || die "another infra.sh is still running (lock: $INFRA_DATA/.lock)"
    fi
    "cmd_$cmd" "${services[@]}"
    ;;
  esac
}

main "$@"
