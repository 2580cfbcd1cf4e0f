#!/usr/bin/env bash
# Fuzzes, each for a bounded time, with libFuzzer under ASan and UBSan:
# fuzz_frame (the whole decode pipeline), fuzz_screen (the decoded
# messages judged and written as events) and fuzz_rules (the rule-file
# loader). Usage: tests/fuzz/run.sh [SECONDS per harness]. Exits non-zero
# on the first crash, leak or sanitizer report; the reproducer is left in
# build-fuzz/<harness>-crash-*.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-120}
# Without the fpga-sim model: it is C++ that libFuzzer's clang link does
# not take, and fuzz_screen judges with Hyperscan. A build-fuzz set up
# before that is reconfigured, not left to fail at the link.
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzz=true -Dtests=false -Ddpdk=disabled -Dfpga_sim=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null
else
  meson configure build-fuzz -Dfpga_sim=disabled >/dev/null
fi
ninja -C build-fuzz tests/fuzz/fuzz_frame tests/fuzz/fuzz_screen tests/fuzz/fuzz_rules >/dev/null
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
passed=0 failed=0
for h in fuzz_frame fuzz_screen fuzz_rules; do
  work=build-fuzz/corpus-$h
  mkdir -p "$work"
  seeds=tests/fuzz/corpus
  [ $h = fuzz_rules ] && seeds="tests/fuzz/corpus-rules rules"
  # shellcheck disable=SC2086 # $seeds is a list of folders
  if ./build-fuzz/tests/fuzz/$h -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix=build-fuzz/$h- -print_final_stats=1 "$work" $seeds \
       >build-fuzz/$h.log 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' build-fuzz/$h.log | grep -o '[0-9]*$' || echo 0)
    echo "$h: $runs inputs in ${secs}s, no crash"
    passed=$((passed + 1))
  else
    tail -40 build-fuzz/$h.log
    echo "$h: FAILED"
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
