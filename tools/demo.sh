#!/usr/bin/env bash
# The main job on a bundled default: builds (installing missing packages),
# generates a sample capture from the project's own corpus on first run,
# then decodes and judges it against the default keyword library and
# prints the summary (frames, messages, flagged per category, top senders,
# throughput). Usage: tools/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh
mkdir -p out
if [ ! -f out/sample.pcap ]; then
  build/tools/siggen/siggen --count 20000 --seed 1 --out out/sample.pcap --truth out/sample.truth.jsonl
fi
build/dataplane/cli/sigsift scan --rules rules/ --events out/events.jsonl --evidence out/evidence.pcap out/sample.pcap
echo "events: out/events.jsonl, evidence: out/evidence.pcap"
