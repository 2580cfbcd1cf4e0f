#!/bin/sh
# Throughput of the keyword-matching block, measured in simulation, beside
# Hyperscan on one core scanning the same texts in the same run.
#
# For 1k, 10k and 100k Chinese keywords (geometry as in hw/synth/run.py),
# kwm_vectors writes a library and MSGS texts of 70 characters (UTF-8),
# checks model = Hyperscan on every text and times Hyperscan; Verilator
# then runs tb_kwm with ENGINES engines and DATA_BYTES-wide input, no idle
# cycles and no backpressure, and reports text bytes per cycle (first
# input beat to last end record; table loading excluded).
#
# usage: hw/bench.sh [WORKDIR]     env: ENGINES (36) MSGS (4000) MHZ (250)
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d /tmp/kwm-bench.XXXXXX)}
ENGINES=${ENGINES:-36}
MSGS=${MSGS:-4000}
MHZ=${MHZ:-250}
mkdir -p "$WORK"

RTL="$ROOT/hw/verilog/kwm_ram.v $ROOT/hw/verilog/kwm_fifo.v $ROOT/hw/verilog/kwm_hash.v
     $ROOT/hw/verilog/kwm_engine.v $ROOT/hw/verilog/kwm_confirm.v $ROOT/hw/verilog/kwm_top.v"

${CC:-cc} -O2 -std=gnu11 -I"$ROOT" -o "$WORK/kwm_vectors" \
    "$ROOT/tests/hw/kwm_vectors.c" "$ROOT"/control/fpga/kwm_*.c -lhs

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "block: $ENGINES engines, 64 bytes/beat input, 4 Bloom hashes, clock $MHZ MHz (assumed, not timing-closed)"
echo
echo "| keywords | block bytes/cycle | block Gbit/s @ $MHZ MHz | block M msg/s | Hyperscan 1 core M msg/s | Hyperscan Gbit/s | block / Hyperscan |"
echo "|---|---|---|---|---|---|---|"
for size in 1k 10k 100k; do
    case $size in
        1k) n=1000; fb=40\'h6a98a52948; ib=11; sb=10 ;;
        10k) n=10000; fb=40\'h831ec63588; ib=15; sb=14 ;;
        100k) n=100000; fb=40\'h9b64d6bda8; ib=18; sb=17 ;;
    esac
    mkdir -p "$WORK/$size"
    "$WORK/kwm_vectors" bench "$WORK/$size" --size "$size" --keywords "$n" --msgs "$MSGS" \
        >"$WORK/$size.gen.log" 2>&1
    verilator --binary --timing -O3 -Wno-fatal -Wno-lint -Wno-style --top-module tb_kwm \
        -Mdir "$WORK/$size.obj" -o Vtb -j 2 \
        -GENGINES="$ENGINES" -GDATA_BYTES=64 -GMAXK=32 -GFILTER_HASHES=4 \
        -GFILTER_BITS_L="$fb" -GINDEX_BITS="$ib" -GSTORE_BITS="$sb" -GMAX_CMDS=2097152 \
        "$ROOT/tests/hw/tb_kwm.v" $RTL >"$WORK/$size.build.log" 2>&1
    "$WORK/$size.obj/Vtb" +dir="$WORK/$size" >"$WORK/$size.sim.log" 2>&1
    grep -q '^PASS' "$WORK/$size.sim.log" || { echo "simulation failed: $WORK/$size.sim.log"; exit 1; }
    bpc=$(sed -n 's/.* \([0-9.]*\) bytes\/cycle.*/\1/p' "$WORK/$size.sim.log")
    hs_msgs=$(sed -n 's/^hyperscan one core: \([0-9.]*\) M messages\/s.*/\1/p' "$WORK/$size.gen.log")
    hs_gbps=$(sed -n 's/^hyperscan one core: .*, \([0-9.]*\) Gbit\/s.*/\1/p' "$WORK/$size.gen.log")
    awk -v k="$size" -v b="$bpc" -v f="$MHZ" -v hm="$hs_msgs" -v hg="$hs_gbps" 'BEGIN {
        g = b * 8 * f / 1000; m = b * f / 210;
        printf "| %s | %.2f | %.1f | %.1f | %.2f | %.2f | %.0fx |\n", k, b, g, m, hm, hg, g / hg }'
done
echo
echo "Pigasus (OSDI 2020): 100 Gbit/s on one Stratix 10 MX FPGA (32 bytes/cycle at 400 MHz)."
