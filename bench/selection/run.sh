#!/usr/bin/env bash
# Rapport's selection benchmark, in one command:
#
#   bench/selection/run.sh
#
# Builds Rapport's classes (if missing or older than the sources) and this benchmark, then times
# QuestionSelector.select for a plan of 200 questions and users who know 100 attributes, and the
# in-memory part of a login's prompt, with JMH; prints the percentiles beside references measured
# in the same run. Results are also written to bench/results/ (git-ignored). Read
# bench/README.md.
#
#   bench/selection/run.sh write-plan <file>
#
# writes the same plan as an import file instead, for bench/login/run.sh (BENCH_PLAN=large).
#
# Settings, as environment variables (defaults in brackets):
#   BENCH_FORKS          JMH forks per benchmark and login number [2]
#   BENCH_WARMUP         warm-up iterations per fork [4]
#   BENCH_ITERATIONS     measured iterations per fork [5]
#   BENCH_SECONDS        seconds per iteration [2]
#   BENCH_LOGINS         the login numbers QuestionSelector.select is timed at [1,2,3,5,8,20]
#   BENCH_PATH_LOGINS    the login numbers the in-memory part of a login's prompt is timed at
#                        [1,3,20]
#   JAVA_HOME            the JDK to run [java on the PATH]
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BENCH="$ROOT/bench/selection"

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
  JAR_TOOL="$JAVA_HOME/bin/jar"
else
  JAVA=$(command -v java)
  JAR_TOOL=$(command -v jar)
fi
mkdir -p "$ROOT/target/bench" "$ROOT/bench/results"

# Rapport's classes: compiled by the application's own build, without its tests.
newest_source=$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$ROOT/target/classes" -print -quit \
  2>/dev/null || echo missing)
if [[ ! -d "$ROOT/target/classes/io/rapport" || -n "$newest_source" ]]; then
  echo "Compiling Rapport: ./mvnw -q -B -DskipTests compile"
  ./mvnw -q -B -DskipTests compile
fi
"$JAR_TOOL" --create --file "$ROOT/target/bench/rapport-classes.jar" -C "$ROOT/target/classes" .

# The application's run-time class path, as for the login benchmark.
CLASSPATH_FILE="$ROOT/target/bench-classpath.txt"
if [[ ! -s "$CLASSPATH_FILE" || "$ROOT/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fi

# This benchmark and JMH.
BENCH_CLASSPATH_FILE="$BENCH/target/jmh-classpath.txt"
./mvnw -q -B -f "$BENCH/pom.xml" compile
./mvnw -q -B -f "$BENCH/pom.xml" dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$BENCH_CLASSPATH_FILE" >/dev/null
JMH_CP=$(tr ':' '\n' <"$BENCH_CLASSPATH_FILE" | grep -v 'rapport-classes' | paste -sd: -)
CP="$BENCH/target/classes:$JMH_CP:$ROOT/target/classes:$(cat "$CLASSPATH_FILE")"

if [[ "${1:-}" == "write-plan" ]]; then
  # The login benchmark's import file (bench/login/run.sh with BENCH_PLAN=large).
  exec "$JAVA" -cp "$CP" io.rapport.bench.selection.WritePlanFile "$2"
fi

# The JMH forks inherit this class path. JMH 1.37 calls sun.misc.Unsafe, which JDK 24+ warns
# about in every fork: the warning is dropped, nothing else.
"$JAVA" -XX:+UseSerialGC -cp "$CP" io.rapport.bench.selection.SelectionBench \
  --forks="${BENCH_FORKS:-2}" \
  --warmup="${BENCH_WARMUP:-4}" \
  --iterations="${BENCH_ITERATIONS:-5}" \
  --seconds="${BENCH_SECONDS:-2}" \
  --logins="${BENCH_LOGINS:-1,2,3,5,8,20}" \
  --path-logins="${BENCH_PATH_LOGINS:-1,3,20}" \
  --results-dir="$ROOT/bench/results" \
  "$@" 2> >(grep -v -e 'sun.misc.Unsafe' -e 'terminally deprecated method' >&2)
