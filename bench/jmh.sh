#!/bin/bash
# Builds and runs the JMH benchmarks of pint-core (module pint-bench). Arguments go to JMH and
# replace the short defaults, which suit a shared 2-core machine: one fork, 2 warm-up and 3
# measured iterations of 1 second. Example: bench/jmh.sh -f 2 -i 10 regionQuery
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
(cd "$root" && mvn -q -pl pint-bench -am package -DskipTests)
if [[ $# -eq 0 ]]; then
  set -- -f 1 -wi 2 -w 1s -i 3 -r 1s
fi
exec java -jar "$root/pint-bench/target/benchmarks.jar" "$@"
