#!/usr/bin/env bash
# Rapport's login benchmark, in one command:
#
#   bench/login/run.sh
#
# Starts Rapport from the jar (building it if missing) on a free port with a fresh data
# directory, runs bench/login/LoginBench.java against it, stops it and prints the summary.
# Results are also written to bench/results/ (git-ignored). Read bench/README.md.
#
# Settings, as environment variables (defaults in brackets):
#   BENCH_CLIENTS        concurrent simulated browsers [8]
#   BENCH_SECONDS        seconds per turn, for the hash turn and the login turn alike [20]
#   BENCH_TURNS          number of (hash turn, login turn) pairs [3]
#   BENCH_USERS          users signed up before measuring [200]
#   BENCH_WARMUP         least seconds of warm-up logins before the first turn [20]
#   BENCH_WARMUP_MAX     most seconds of warm-up logins; the warm-up ends between the two once
#                        Rapport's JIT compilers took under 5% of its CPU in two 5 s rounds in a
#                        row; 0 skips it [300]
#   BENCH_RAPPORT_OPTS   JVM options of Rapport [see RAPPORT_OPTS_DEFAULT below]
#   BENCH_DRIVER_OPTS    JVM options of the driver [see DRIVER_OPTS_DEFAULT below]
#   BENCH_JAR            the Rapport jar to run, to compare builds [target/rapport-*.jar, built
#                        if missing]
#   RAPPORT_DB_URL       a database to use instead of the fresh H2 file (with RAPPORT_DB_USER,
#                        RAPPORT_DB_PASSWORD); it must be empty: the bench registers a client
#   BENCH_PLAN           none: Rapport without a profiling plan, as above [none]; acme or large:
#                        the same logins against a Rapport with that plan (the Acme Video example,
#                        or bench/selection's plan of 200 questions) and one without, side by side
#   BENCH_FILL_LOGINS    with a plan: least logins per user answering the plan before the timing,
#                        more than any login number the plan names [10]
#   JAVA_HOME            the JDK whose java runs both processes [java on the PATH]
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)

# Rapport's JVM: the serial collector (one GC thread, no concurrent work competing with the
# hashes for the 2 cores), a fixed 256 MiB heap ceiling, which keeps the process well under the
# 512 MiB resident goal, and small thread stacks, as pom.xml gives spring-boot:run.
RAPPORT_OPTS_DEFAULT="-XX:+UseSerialGC -Xss512k -Xmx256m"
# The driver's JVM: Spring's encoder allocates each hash's 7 MiB anew, so a young generation
# large enough to hold a hundred hashes keeps the collector from pausing the reference threads
# more than about 1% of the time: the reference is then as fast as this machine hashes, a
# ceiling that does not flatter Rapport.
DRIVER_OPTS_DEFAULT="-XX:+UseSerialGC -Xms1g -Xmx1g -Xmn768m"

CLIENTS=${BENCH_CLIENTS:-8}
SECONDS_PER_TURN=${BENCH_SECONDS:-20}
TURNS=${BENCH_TURNS:-3}
USERS=${BENCH_USERS:-200}
WARMUP=${BENCH_WARMUP:-20}
WARMUP_MAX=${BENCH_WARMUP_MAX:-300}
PLAN=${BENCH_PLAN:-none}
FILL_LOGINS=${BENCH_FILL_LOGINS:-10}
RAPPORT_OPTS=${BENCH_RAPPORT_OPTS:-$RAPPORT_OPTS_DEFAULT}
DRIVER_OPTS=${BENCH_DRIVER_OPTS:-$DRIVER_OPTS_DEFAULT}
# The hash settings Rapport uses; the reference turns hash with the same ones.
ARGON2="m=${RAPPORT_IDENTITY_PASSWORD_MEMORY_KIB:-7168},t=${RAPPORT_IDENTITY_PASSWORD_ITERATIONS:-5},p=${RAPPORT_IDENTITY_PASSWORD_PARALLELISM:-1}"

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=$(command -v java)
fi
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS" "$ROOT/target"

jar_path() {
  ls "$ROOT"/target/rapport-*.jar 2>/dev/null | grep -v -e '-plain.jar$' -e '.original$' | head -1
}
JAR=${BENCH_JAR:-$(jar_path || true)}
if [[ -z "$JAR" ]]; then
  echo "Building the jar: ./mvnw -q -B -DskipTests package"
  ./mvnw -q -B -DskipTests package
  JAR=$(jar_path)
fi

# The driver needs spring-security-crypto and BouncyCastle (and commons-logging, which the
# former logs through) for the reference hashes, nothing else beyond the JDK.
CLASSPATH_FILE="$ROOT/target/bench-classpath.txt"
if [[ ! -s "$CLASSPATH_FILE" || "$ROOT/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fi
CP=$(tr ':' '\n' <"$CLASSPATH_FILE" \
  | grep -E '/(spring-security-crypto|bcprov-jdk18on|commons-logging)-[^/]*\.jar$' | paste -sd: -)

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench.XXXXXX")
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
ADMIN_EMAIL="bench-admin@example.com"
ADMIN_PASSWORD="bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
# Rapports started, by name: process id, port, log.
declare -A PIDS=() PORTS=() LOGS=()

stop_rapport() {
  local name=$1 pid=${PIDS[$1]:-}
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  PIDS[$name]=""
}
stop_all() {
  for name in "${!PIDS[@]}"; do
    stop_rapport "$name"
  done
  rm -rf "$WORK_DIR"
}
trap stop_all EXIT

# start_rapport NAME DATA_DIR [IMPORT_FILE]: starts Rapport from the jar and waits until it is ready.
start_rapport() {
  local name=$1 data_dir=$2 import_file=${3:-}
  local log="$RESULTS/rapport-$STAMP-$name.log"
  echo "Starting Rapport ($name): $JAR with $RAPPORT_OPTS${import_file:+, import file $import_file} (log: $log)"
  local environment=(RAPPORT_DATA_DIR="$data_dir" PORT=0
    RAPPORT_ADMIN_EMAIL="$ADMIN_EMAIL" RAPPORT_ADMIN_PASSWORD="$ADMIN_PASSWORD")
  if [[ -n "$import_file" ]]; then
    environment+=(RAPPORT_IMPORT="$import_file")
  fi
  # PORT=0 lets the operating system pick a free port; Rapport names it in its ready line.
  # shellcheck disable=SC2086
  env "${environment[@]}" "$JAVA" $RAPPORT_OPTS -jar "$JAR" >"$log" 2>&1 &
  local pid=$!
  PIDS[$name]=$pid
  LOGS[$name]=$log
  local port=""
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Rapport ($name) stopped during start-up; its log:" >&2
      tail -50 "$log" >&2
      exit 1
    fi
    port=$(sed -n 's/.*Rapport ready: .*port=\([0-9]*\),.*/\1/p' "$log" | head -1)
    [[ -n "$port" ]] && break
    sleep 0.5
  done
  if [[ -z "$port" ]]; then
    echo "Rapport ($name) was not ready after 120 s; its log: $log" >&2
    exit 1
  fi
  PORTS[$name]=$port
  echo "Rapport ($name) ready on port $port (pid $pid)"
}

DB="${RAPPORT_DB_URL:+${RAPPORT_DB_URL%%\?*}}"
# shellcheck disable=SC2086
DRIVER=("$JAVA" $DRIVER_OPTS -cp "$CP" "$ROOT/bench/login/LoginBench.java"
  --clk-tck="$(getconf CLK_TCK)"
  --admin-email="$ADMIN_EMAIL"
  --admin-password="$ADMIN_PASSWORD"
  --clients="$CLIENTS"
  --seconds="$SECONDS_PER_TURN"
  --turns="$TURNS"
  --users="$USERS"
  --warmup="$WARMUP"
  --warmup-max="$WARMUP_MAX"
  --argon2="$ARGON2"
  --rapport-opts="$RAPPORT_OPTS"
  --db="${DB:-H2 file (default)}"
  --results-dir="$RESULTS")

if [[ "$PLAN" == "none" ]]; then
  start_rapport rapport "$WORK_DIR/data"
  "${DRIVER[@]}" --base-url="http://127.0.0.1:${PORTS[rapport]}" --pid="${PIDS[rapport]}"
  exit $?
fi

# With a plan: one Rapport with the plan signs the users up and lets each answer the plan; then
# its database is copied, and two Rapports are measured side by side on the two copies: the one
# with the plan, and one whose import file empties the plan. The plan is all that differs.
if [[ -n "${RAPPORT_DB_URL:-}" ]]; then
  echo "BENCH_PLAN=$PLAN needs the H2 file database (it copies it); unset RAPPORT_DB_URL" >&2
  exit 1
fi
PLAN_FILE="$WORK_DIR/plan.yaml"
case "$PLAN" in
  acme)
    cp "$ROOT/examples/acme-video/rapport.yaml" "$PLAN_FILE"
    # The example's back-end client wants a secret; the bench never uses it.
    OPS_TOOL_SECRET="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    export OPS_TOOL_SECRET
    PLAN_DESCRIPTION="examples/acme-video/rapport.yaml: 6 questions over 6 attributes"
    ;;
  large)
    PLAN_DESCRIPTION=$("$ROOT/bench/selection/run.sh" write-plan "$PLAN_FILE" | sed -n 's/^Written [^:]*: //p')
    ;;
  *)
    echo "BENCH_PLAN must be none, acme or large, not '$PLAN'" >&2
    exit 1
    ;;
esac
printf 'profiling:\n  questions: []\n' >"$WORK_DIR/no-plan.yaml"

start_rapport prepare "$WORK_DIR/data-with-plan" "$PLAN_FILE"
"${DRIVER[@]}" --phase=prepare --state-file="$WORK_DIR/users.txt" --fill-logins="$FILL_LOGINS" \
  --base-url="http://127.0.0.1:${PORTS[prepare]}" --pid="${PIDS[prepare]}"
stop_rapport prepare
cp -a "$WORK_DIR/data-with-plan" "$WORK_DIR/data-without-plan"

start_rapport with-plan "$WORK_DIR/data-with-plan" "$PLAN_FILE"
start_rapport without-plan "$WORK_DIR/data-without-plan" "$WORK_DIR/no-plan.yaml"
"${DRIVER[@]}" --phase=measure --state-file="$WORK_DIR/users.txt" \
  --plan="$PLAN" --plan-description="$PLAN_DESCRIPTION" \
  --base-url="http://127.0.0.1:${PORTS[without-plan]}" --pid="${PIDS[without-plan]}" \
  --plan-base-url="http://127.0.0.1:${PORTS[with-plan]}" --plan-pid="${PIDS[with-plan]}"
