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

DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench.XXXXXX")
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG="$RESULTS/rapport-$STAMP.log"
ADMIN_EMAIL="bench-admin@example.com"
ADMIN_PASSWORD="bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
RAPPORT_PID=""

stop_rapport() {
  if [[ -n "$RAPPORT_PID" ]] && kill -0 "$RAPPORT_PID" 2>/dev/null; then
    kill "$RAPPORT_PID"
    wait "$RAPPORT_PID" 2>/dev/null || true
  fi
  RAPPORT_PID=""
  rm -rf "$DATA_DIR"
}
trap stop_rapport EXIT

echo "Starting Rapport: $JAR with $RAPPORT_OPTS (log: $LOG)"
# PORT=0 lets the operating system pick a free port; Rapport names it in its ready line.
# shellcheck disable=SC2086
RAPPORT_DATA_DIR="$DATA_DIR" PORT=0 \
  RAPPORT_ADMIN_EMAIL="$ADMIN_EMAIL" RAPPORT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$JAVA" $RAPPORT_OPTS -jar "$JAR" >"$LOG" 2>&1 &
RAPPORT_PID=$!

PORT=""
for _ in $(seq 1 240); do
  if ! kill -0 "$RAPPORT_PID" 2>/dev/null; then
    echo "Rapport stopped during start-up; its log:" >&2
    tail -50 "$LOG" >&2
    exit 1
  fi
  PORT=$(sed -n 's/.*Rapport ready: .*port=\([0-9]*\),.*/\1/p' "$LOG" | head -1)
  [[ -n "$PORT" ]] && break
  sleep 0.5
done
if [[ -z "$PORT" ]]; then
  echo "Rapport was not ready after 120 s; its log: $LOG" >&2
  exit 1
fi
DB="${RAPPORT_DB_URL:+${RAPPORT_DB_URL%%\?*}}"
echo "Rapport ready on port $PORT (pid $RAPPORT_PID)"

# shellcheck disable=SC2086
"$JAVA" $DRIVER_OPTS -cp "$CP" "$ROOT/bench/login/LoginBench.java" \
  --base-url="http://127.0.0.1:$PORT" \
  --pid="$RAPPORT_PID" \
  --clk-tck="$(getconf CLK_TCK)" \
  --admin-email="$ADMIN_EMAIL" \
  --admin-password="$ADMIN_PASSWORD" \
  --clients="$CLIENTS" \
  --seconds="$SECONDS_PER_TURN" \
  --turns="$TURNS" \
  --users="$USERS" \
  --warmup="$WARMUP" \
  --warmup-max="$WARMUP_MAX" \
  --argon2="$ARGON2" \
  --rapport-opts="$RAPPORT_OPTS" \
  --db="${DB:-H2 file (default)}" \
  --results-dir="$RESULTS"
