#!/usr/bin/env bash
# The main job on a bundled default: builds (installing missing packages),
# generates a sample capture from the project's own corpus on first run,
# then replays it through the DPDK dataplane (`sigsift run`, a net_pcap
# vdev, no hugepages), judging every message against the default keyword
# library, and prints the summary (frames, messages, flagged per
# category, top senders, spam reports, commercial ports, throughput).
# Without DPDK in the build it runs the same pipeline offline (`sigsift
# scan`) and says so.
# Usage: tools/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh
SIGSIFT=build/dataplane/cli/sigsift
mkdir -p out
if [ ! -f out/sample.pcap ]; then
  build/tools/siggen/siggen --count 20000 --seed 1 --out out/sample.pcap --truth out/sample.truth.jsonl
fi
OUTPUTS=(--rules rules/ --events out/events.jsonl --evidence out/evidence.pcap)

# Read whole before grep: under pipefail an early-leaving grep -q would fail it.
if grep -q "sigsift run" <<<"$("$SIGSIFT" run --help 2>&1)"; then
  # One worker lcore beside the main one (which writes the outputs).
  if ! "$SIGSIFT" run -l 0-1 --no-pci --no-huge --in-memory --no-telemetry --log-level=lib.eal:error \
      --vdev net_pcap0,rx_pcap=out/sample.pcap -- "${OUTPUTS[@]}" 2>out/run.log; then
    cat out/run.log >&2
    exit 1
  fi
  grep -E '^(sigsift run: |output\.|mempool\.)' out/run.log
  sed -n '/^frames [0-9]*, messages [0-9]* in /,$p' out/run.log
  echo "every counter: out/run.log"
else
  echo "demo: this sigsift was built without DPDK (libdpdk-dev), so no 'sigsift run';" \
    "judging the capture offline with 'sigsift scan' instead" >&2
  "$SIGSIFT" scan "${OUTPUTS[@]}" out/sample.pcap
fi
echo "events: out/events.jsonl, evidence: out/evidence.pcap"
