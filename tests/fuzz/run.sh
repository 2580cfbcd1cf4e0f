#!/usr/bin/env bash
# Fuzzes the frame decoder (the whole pipeline) with libFuzzer under ASan
# and UBSan for a bounded time. Usage: tests/fuzz/run.sh [SECONDS]
# Exits non-zero on the first crash, leak or sanitizer report; the
# reproducer is left in build-fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-120}
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzz=true -Dtests=false -Ddpdk=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null
fi
ninja -C build-fuzz tests/fuzz/fuzz_frame >/dev/null
work=build-fuzz/corpus
mkdir -p "$work"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
if ./build-fuzz/tests/fuzz/fuzz_frame -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
     -artifact_prefix=build-fuzz/ -print_final_stats=1 "$work" tests/fuzz/corpus \
     >build-fuzz/fuzz.log 2>&1; then
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' build-fuzz/fuzz.log | grep -o '[0-9]*$' || echo 0)
  echo "fuzz: $runs inputs in ${secs}s, no crash"
  echo "1 passed, 0 failed"
else
  tail -40 build-fuzz/fuzz.log
  echo "0 passed, 1 failed"
  exit 1
fi
