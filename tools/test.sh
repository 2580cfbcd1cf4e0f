#!/usr/bin/env bash
# The whole test suite: builds (installing missing Debian packages first),
# then runs every suite and prints one line per suite and a total.
# Usage: tools/test.sh            (FUZZ_SECONDS=120 by default)
set -uo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0 failed=0 failed_names=()
suite() { # name, command...
  local name=$1; shift
  echo "=== $name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); echo "=== $name: ok ($((SECONDS - t0))s)"
  else
    failed=$((failed + 1)); failed_names+=("$name"); echo "=== $name: FAILED ($((SECONDS - t0))s)"
  fi
}


export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

suite "unit" meson test -C build --suite unit --print-errorlogs
suite "decode vs truth and tshark" tests/integration/decode.sh build
suite "siggen vs tshark" tests/integration/siggen_tshark.sh build/tools/siggen/siggen
suite "fuzz" tests/fuzz/run.sh "${FUZZ_SECONDS:-60}"
suite "hardware" tests/hw/run.sh

[ ${#failed_names[@]} -gt 0 ] && echo "failed suites: ${failed_names[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
