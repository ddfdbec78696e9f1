#!/usr/bin/env bash
# The transport comparison of docs/benchmarks.md (issue 12): TransportBenchmark, single-threaded for
# every layer and transport, then 8 threads for the POSTs (and the raw GETs), against a loopback server
# running in its own JVM, so that -prof gc counts the client's allocation only; then TransportLatency
# (the same calls interleaved in one JVM, latency percentiles).
#   benchmarks/scripts/transport.sh [OUT]      (SKIP_BUILD=1 to reuse the last build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/benchmarks/target/transport}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 5 -w 2s -i 5 -r 1s -prof gc"}
. "$ROOT/benchmarks/scripts/common.sh"
mkdir -p "$OUT"
rm -f "$OUT"/counts.txt
[ -n "${SKIP_BUILD:-}" ] || build_tree "$ROOT"
CP=$(classpath "$ROOT")

coproc SERVER { exec java -Xmx256m -cp "$CP" dev.paykit.benchmarks.LoopbackServer; }
SERVER_PID=$SERVER_PID
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
read -r _ URL <&"${SERVER[0]}"
echo "loopback server (own JVM, pid $SERVER_PID): $URL"
java -version 2>&1 | head -1 | tee "$OUT/java.txt"
uptime | tee "$OUT/load.txt"

run() { # run NAME THREADS REGEX
  java -Dpaykit.bench.server="$URL" -Dpaykit.bench.counts="$OUT/counts.txt" -cp "$CP" org.openjdk.jmh.Main \
      "$3" $JMH_OPTS -t "$2" -rf json -rff "$OUT/$1.json" > "$OUT/$1.log"
  tail -n 60 "$OUT/$1.log" | grep -E '^(Benchmark|TransportBenchmark)' | grep -v 'gc\.\(count\|time\|alloc\.rate \)' || true
}
run single 1 'TransportBenchmark'
run threads8 8 'TransportBenchmark\.(.*_post|raw_.*_get)$'
# the same calls interleaved in one JVM: every variant meets the same background load
java -Dpaykit.bench.server="$URL" -cp "$CP" dev.paykit.benchmarks.TransportLatency ${LATENCY_ARGS:-10 1000 3} \
    | grep '^LATENCY' > "$OUT/latency.txt"
uptime | tee -a "$OUT/load.txt"
python3 "$ROOT/benchmarks/scripts/summarise.py" transport "$OUT" | tee "$OUT/summary.md"
