#!/usr/bin/env bash
# Rapport's enrichment benchmark, in one command:
#
#   bench/enrichment/run.sh
#
# Starts the fake services (bench/enrichment/FakeServices.java: company sites and a Clearbit on
# loopback that answer after a latency and enforce a rate limit), then Rapport from the jar
# (building it if missing) on a free port with a fresh data directory and an import file that
# declares the providers email-domain, website and clearbit, pointed at the fake. The driver
# (bench/enrichment/EnrichmentBench.java, compiled with bench/login/LoginBench.java, whose login
# flow it reuses) signs the users up, waits for the enrichment backlog, measures logins beside it,
# stops Rapport and reads the ledger from its H2 file. Read bench/README.md.
#
# Settings, as environment variables (defaults in brackets):
#   BENCH_SIGNUPS         sign-ups of the main batch [10000]
#   BENCH_DOMAINS         company domains firmN.bench.example [2000]
#   BENCH_FREEMAIL        share of the sign-ups at free-mail addresses [0.3]
#   BENCH_LATENCY_MS      the fake services' answer time [150]
#   BENCH_RPM             Clearbit's rate limit, in Rapport's settings and in the fake [600]
#   BENCH_CLIENTS         concurrent browsers signing up [8]
#   BENCH_LOGIN_USERS     users that the login turns go round [50]
#   BENCH_LOGIN_CLIENTS   concurrent browsers logging in during a login turn [4]
#   BENCH_LOGIN_SECONDS   seconds of each login turn [20]
#   BENCH_WARMUP          seconds of logins before the first turn [120]
#   BENCH_ENRICHMENT_THREADS  Rapport's rapport.enrichment.threads [as shipped: 4]
#   BENCH_RAPPORT_OPTS    JVM options of Rapport [-XX:+UseSerialGC -Xss512k -Xmx256m]
#   BENCH_JAR             the Rapport jar [target/rapport-*.jar, built if missing]
#   JAVA_HOME             the JDK whose java runs the three processes [java on the PATH]
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)

SIGNUPS=${BENCH_SIGNUPS:-10000}
DOMAINS=${BENCH_DOMAINS:-2000}
FREEMAIL=${BENCH_FREEMAIL:-0.3}
LATENCY_MS=${BENCH_LATENCY_MS:-150}
RPM=${BENCH_RPM:-600}
CLIENTS=${BENCH_CLIENTS:-8}
LOGIN_USERS=${BENCH_LOGIN_USERS:-50}
LOGIN_CLIENTS=${BENCH_LOGIN_CLIENTS:-4}
LOGIN_SECONDS=${BENCH_LOGIN_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-120}
ENRICHMENT_THREADS=${BENCH_ENRICHMENT_THREADS:-4}
RAPPORT_OPTS=${BENCH_RAPPORT_OPTS:-"-XX:+UseSerialGC -Xss512k -Xmx256m"}
DRIVER_OPTS="-XX:+UseSerialGC -Xmx512m"

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
  JAVAC="$JAVA_HOME/bin/javac"
else
  JAVA=$(command -v java)
  JAVAC=$(command -v javac)
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

# The driver needs spring-security-crypto, BouncyCastle and commons-logging (LoginBench's
# reference hashes, compiled in but not run here) and H2 to read the ledger after Rapport stops.
CLASSPATH_FILE="$ROOT/target/bench-classpath.txt"
if [[ ! -s "$CLASSPATH_FILE" || "$ROOT/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fi
CP=$(tr ':' '\n' <"$CLASSPATH_FILE" \
  | grep -E '/(spring-security-crypto|bcprov-jdk18on|commons-logging|h2)-[^/]*\.jar$' | paste -sd: -)
CLASSES="$ROOT/target/bench-enrichment-classes"
rm -rf "$CLASSES"
"$JAVAC" -nowarn -d "$CLASSES" -cp "$CP" "$ROOT/bench/login/LoginBench.java" \
  "$ROOT"/bench/enrichment/*.java

DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-ebench.XXXXXX")
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG="$RESULTS/rapport-enrichment-$STAMP.log"
FAKE_LOG="$RESULTS/fake-$STAMP.log"
# Not at example.com: an address at an unmapped domain would send the website provider out to
# the real internet. Everything under bench.example goes to the fake.
ADMIN_EMAIL="bench-admin@admin.bench.example"
ADMIN_PASSWORD="bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
RAPPORT_PID=""
FAKE_PID=""

stop_all() {
  for pid in "$RAPPORT_PID" "$FAKE_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$DATA_DIR"
}
trap stop_all EXIT

echo "uptime before: $(uptime)"
"$JAVA" -XX:+UseSerialGC -Xmx256m -cp "$CLASSES" FakeServices \
  --latency-ms="$LATENCY_MS" --rpm="$RPM" >"$FAKE_LOG" 2>&1 &
FAKE_PID=$!
FAKE_PORT=""
for _ in $(seq 1 60); do
  FAKE_PORT=$(sed -n 's/^FAKE READY port=\([0-9]*\)$/\1/p' "$FAKE_LOG" | head -1)
  [[ -n "$FAKE_PORT" ]] && break
  sleep 0.5
done
[[ -n "$FAKE_PORT" ]] || { echo "The fake services did not start: $FAKE_LOG" >&2; exit 1; }
FAKE_URL="http://127.0.0.1:$FAKE_PORT"
echo "Fake services on $FAKE_URL (pid $FAKE_PID)"

# Clearbit's base URL is a host under bench.example, mapped to the fake like the company sites:
# no address needs allow-private-addresses, and nothing can leave the machine.
cat >"$DATA_DIR/rapport-import.yaml" <<YAML
enrichment:
  providers:
    - type: email-domain
    - type: website
    - type: clearbit
      api-key: bench-dummy-key
      base-url: http://clearbit.bench.example
      requests-per-minute: $RPM
YAML

echo "Starting Rapport: $JAR with $RAPPORT_OPTS (log: $LOG)"
# shellcheck disable=SC2086
RAPPORT_DATA_DIR="$DATA_DIR" PORT=0 RAPPORT_IMPORT="$DATA_DIR/rapport-import.yaml" \
  RAPPORT_ENRICHMENT_ENABLED=true RAPPORT_ENRICHMENT_THREADS="$ENRICHMENT_THREADS" \
  RAPPORT_ADMIN_EMAIL="$ADMIN_EMAIL" RAPPORT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$JAVA" $RAPPORT_OPTS -jar "$JAR" "--rapport.egress.host-overrides[*.bench.example]=$FAKE_URL" \
  >"$LOG" 2>&1 &
RAPPORT_PID=$!

PORT=""
for _ in $(seq 1 360); do
  if ! kill -0 "$RAPPORT_PID" 2>/dev/null; then
    echo "Rapport stopped during start-up; its log:" >&2
    tail -50 "$LOG" >&2
    exit 1
  fi
  PORT=$(sed -n 's/.*Rapport ready: .*port=\([0-9]*\),.*/\1/p' "$LOG" | head -1)
  [[ -n "$PORT" ]] && break
  sleep 0.5
done
[[ -n "$PORT" ]] || { echo "Rapport was not ready after 180 s; its log: $LOG" >&2; exit 1; }
echo "Rapport ready on port $PORT (pid $RAPPORT_PID)"

set +e
# shellcheck disable=SC2086
"$JAVA" $DRIVER_OPTS -cp "$CLASSES:$CP" EnrichmentBench \
  --base-url="http://127.0.0.1:$PORT" \
  --fake-url="$FAKE_URL" \
  --pid="$RAPPORT_PID" \
  --clk-tck="$(getconf CLK_TCK)" \
  --admin-email="$ADMIN_EMAIL" \
  --admin-password="$ADMIN_PASSWORD" \
  --signups="$SIGNUPS" \
  --domains="$DOMAINS" \
  --freemail="$FREEMAIL" \
  --latency-ms="$LATENCY_MS" \
  --rpm="$RPM" \
  --clients="$CLIENTS" \
  --login-users="$LOGIN_USERS" \
  --login-clients="$LOGIN_CLIENTS" \
  --login-seconds="$LOGIN_SECONDS" \
  --warmup="$WARMUP" \
  --rapport-opts="$RAPPORT_OPTS" \
  --threads="$ENRICHMENT_THREADS" \
  --enrichment-settings="rapport.enrichment.threads=$ENRICHMENT_THREADS (shipped: 4); polling-interval 10s, rate-limit-wait 30s, retry-delay 1m, max-tries 5 as shipped" \
  --jdbc-url="jdbc:h2:file:$DATA_DIR/rapport" \
  --results-dir="$RESULTS"
STATUS=$?
set -e
echo "uptime after: $(uptime)"
exit $STATUS
