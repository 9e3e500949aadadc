#!/bin/bash
# Start-up benchmark of the pint command. It builds the project and serves made-up lists of
# realistic size on 127.0.0.1. Then it prints the median wall time and peak memory of each case
# next to a JVM that prints one line, with the ratios to it. See docs/performance.md.
#
# Environment:
#   JAVA_HOME          the Java to measure (as the launcher picks it; else java on PATH)
#   PINT_BENCH_RUNS    runs of each command (default 20), after 2 warm-up rounds
#   PINT_BENCH_BUILD   0 to use the jars already built
#   PINT_BENCH_PEER    another command to time in the same table, such as the reference client;
#                      $PINT_BENCH_URL in it is replaced by the loopback service's URL
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
pint=$root/pint-cli/target/pint
runs=${PINT_BENCH_RUNS:-20}

if [[ "${PINT_BENCH_BUILD:-1}" != 0 ]]; then
  echo "bench: building (mvn -q package -DskipTests)" >&2
  (cd "$root" && mvn -q package -DskipTests)
fi

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java=$JAVA_HOME/bin/java
else
  java=$(command -v java)
fi

work=$(mktemp -d)
server=
cleanup() {
  if [[ -n "$server" ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The baseline: the same Java printing one line.
mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
"$java" -version 2>&1 | head -1 | sed 's/^/bench: java: /' >&2
"${java%/java}/javac" -d "$work/hello" "$work/hello/Hello.java"
(cd "$work/hello" && "${java%/java}/jar" cf ../hello.jar Hello.class)

python3 "$bench/make-lists.py" "$work/site"
python3 "$bench/serve.py" "$work/site" "$work/port" &
server=$!
for _ in $(seq 1 100); do
  [[ -s "$work/port" ]] && break
  sleep 0.1
done
url=http://127.0.0.1:$(cat "$work/port")

# The disk cache of the cached case, filled once; the loopback case skips the cache.
export XDG_CACHE_HOME=$work/cache
export PINT_BASE_URL=$url
query="amazon servers --region europe-north-1 --json"
"$pint" $query > "$work/expected.json"
grep -q '"ip": "' "$work/expected.json" || {
  echo "bench: the query printed no servers; see $work/expected.json" >&2
  exit 1
}
"$pint" microsoft servers --json > /dev/null

# A run of the launcher made the archive for this Java; the no-archive rows show what it buys.
plain_jvm="$java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xms8m -Xmn1m"
plain_jvm="$plain_jvm -Xss512k -XX:-UsePerfData"
# The launcher's archive mapping option, where this Java has it (see the launcher).
relocation="-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
if "$java" $relocation -version > /dev/null 2>&1; then
  plain_jvm="$plain_jvm $relocation"
fi
plain_jvm="$plain_jvm -cp $root/pint-cli/target/pint.jar dev.pint.cli.Main"

cases=(
  "java printing one line=$java -cp $work/hello.jar Hello"
  "pint --version=$pint --version"
  "pint --help=$pint --help"
  "amazon query, disk cache=$pint $query"
  "amazon query, loopback service=$pint --no-cache $query"
  "microsoft list, loopback service=$pint --no-cache microsoft servers --json"
  "amazon query, loopback, no archive=$plain_jvm --no-cache $query"
  "pint --version, no archive=$plain_jvm --version"
)
if [[ -n "${PINT_BENCH_PEER:-}" ]]; then
  cases+=("peer=${PINT_BENCH_PEER//\$PINT_BENCH_URL/$url}")
fi

python3 "$bench/measure.py" --runs "$runs" --warmup 2 "$@" "${cases[@]}"
