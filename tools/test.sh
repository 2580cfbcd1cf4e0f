#!/usr/bin/env bash
# The whole test suite: builds (installing missing Debian packages first),
# then runs every suite and prints one line per suite and a total.
# Usage: tools/test.sh            (FUZZ_SECONDS=60 by default)
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

# The same unit and decode tests again under ASan+UBSan, in build-asan/.
# DPDK is left out of it: `sigsift run` has its own suite over build/.
asan_build() {
  if [ ! -f build-asan/build.ninja ]; then
    meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false \
      -Ddpdk=disabled >/dev/null || return 1
  fi
  ninja -C build-asan >build-asan/ninja.log 2>&1 || { tail -40 build-asan/ninja.log; return 1; }
}
asan_unit() { asan_build && meson test -C build-asan --suite unit --print-errorlogs; }

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

suite "unit" meson test -C build --suite unit --print-errorlogs
suite "unit (ASan+UBSan)" asan_unit
suite "decode vs truth and tshark" tests/integration/decode.sh build
suite "decode vs truth and tshark (ASan+UBSan)" tests/integration/decode.sh build-asan
suite "sigsift run (DPDK)" tests/integration/dpdk_run.sh build/dataplane/cli/sigsift
suite "rules end to end (oracle, run vs scan)" tests/integration/e2e_rules.sh build/dataplane/cli/sigsift
suite "subscriber pseudonyms (model, run vs scan)" tests/integration/pseudonym.sh build/dataplane/cli/sigsift
suite "commercial ports, opt-out and spam reports (model)" tests/integration/ports.sh build/dataplane/cli/sigsift
suite "fpga-sim matcher vs hyperscan" tests/integration/fpga_sim.sh build/dataplane/cli/sigsift
suite "rule hot swap (control socket)" tests/integration/hot_swap.sh build/dataplane/cli/sigsift
suite "rules diff (dry run vs oracle)" tests/integration/rules_diff.sh build/control/sigsiftctl
suite "siggen vs tshark" tests/integration/siggen_tshark.sh build/tools/siggen/siggen
suite "fuzz" tests/fuzz/run.sh "${FUZZ_SECONDS:-60}"
suite "hardware" tests/hw/run.sh

[ ${#failed_names[@]} -gt 0 ] && echo "failed suites: ${failed_names[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
