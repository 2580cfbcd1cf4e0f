#!/bin/sh
# CI entry point for the keyword-matching block (hw/verilog): builds the
# vector generator (C model + Hyperscan), then runs the self-checking
# testbench tests/hw/tb_kwm.v under Icarus and Verilator on directed and
# randomised vectors, across widths, engine counts, idle cycles and
# backpressure. Exits non-zero on any failure; the last line is
# "N passed, N failed". Needs iverilog, verilator, libhs-dev, a C compiler.
#
# usage: tests/hw/run.sh [WORKDIR]      (default: a fresh mktemp dir)
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${1:-$(mktemp -d /tmp/kwm-hw.XXXXXX)}
mkdir -p "$WORK"
JOBS=${JOBS:-2}
PASSED=0
FAILED=0

note() { printf '%s\n' "$*"; }

result() { # name, log
    if grep -q '^PASS' "$2" && ! grep -q 'FAIL' "$2"; then
        PASSED=$((PASSED + 1)); note "PASS  $1  ($(grep 'bytes/cycle' "$2"))"
    else
        FAILED=$((FAILED + 1)); note "FAIL  $1  (log: $2)"; grep FAIL "$2" | head -5
    fi
}

RTL="$ROOT/hw/verilog/kwm_ram.v $ROOT/hw/verilog/kwm_fifo.v $ROOT/hw/verilog/kwm_hash.v
     $ROOT/hw/verilog/kwm_engine.v $ROOT/hw/verilog/kwm_confirm.v $ROOT/hw/verilog/kwm_top.v"
TB="$ROOT/tests/hw/tb_kwm.v"

# ---- vector generator -------------------------------------------------------
GEN="$WORK/kwm_vectors"
if ${CC:-cc} -O2 -std=gnu11 -Wall -Wextra -Werror -I"$ROOT" -o "$GEN" \
        "$ROOT/tests/hw/kwm_vectors.c" "$ROOT"/control/fpga/kwm_*.c -lhs 2>"$WORK/gen.log"; then
    PASSED=$((PASSED + 1)); note "PASS  build kwm_vectors"
else
    FAILED=$((FAILED + 1)); note "FAIL  build kwm_vectors"; cat "$WORK/gen.log"
    note "$PASSED passed, $FAILED failed"; exit 1
fi

# vectors NAME SCENARIO GEOMETRY-ARGS...: model = Hyperscan is checked here
vectors() {
    name=$1; shift
    mkdir -p "$WORK/$name"
    if "$GEN" "$@" >"$WORK/$name.gen.log" 2>&1; then
        PASSED=$((PASSED + 1)); note "PASS  vectors $name: $(tail -1 "$WORK/$name.gen.log")"
    else
        FAILED=$((FAILED + 1)); note "FAIL  vectors $name"; tail -5 "$WORK/$name.gen.log"
    fi
}

# ---- simulators ---------------------------------------------------------------
# build_icarus NAME "-Ptb_kwm.X=V ..."; build_verilator NAME "-GX=V ..."
build_icarus() {
    # shellcheck disable=SC2086
    iverilog -g2005 -o "$WORK/$1.vvp" -s tb_kwm $2 $TB $RTL >"$WORK/$1.build.log" 2>&1
}
build_verilator() {
    # shellcheck disable=SC2086
    verilator --binary --timing -O3 -Wno-fatal -Wno-lint -Wno-style --top-module tb_kwm \
        -Mdir "$WORK/$1.obj" -o Vtb -j "$JOBS" $2 $TB $RTL >"$WORK/$1.build.log" 2>&1
}
# run SIM BUILD VECTORS IDLE BP SEED
run() {
    log="$WORK/$2.$3.i$4.b$5.log"
    if [ "$1" = icarus ]; then
        vvp -n "$WORK/$2.vvp" +dir="$WORK/$3" +idle="$4" +bp="$5" +seed="$6" >"$log" 2>&1
    else
        "$WORK/$2.obj/Vtb" +dir="$WORK/$3" +idle="$4" +bp="$5" +seed="$6" >"$log" 2>&1
    fi
    result "$1 $2 $3 idle=$4% bp=$5%" "$log"
}

# default geometry of tb_kwm: 4 engines, 8 bytes/beat, 2 hashes, 2^14 filter
vectors directed directed "$WORK/directed"
# Icarus runs about 500 cycles/s: 2 engines, small tables (short loads),
# fewer messages
SMALL="--filter-bits 10 --index-bits 8 --store-bits 9"
vectors quick quick "$WORK/quick" $SMALL
vectors rand_small random "$WORK/rand_small" --seed 11 --msgs 80 --keywords 100 $SMALL
vectors rand_a random "$WORK/rand_a" --seed 1 --msgs 2000 --keywords 500
vectors rand_b random "$WORK/rand_b" --seed 2 --msgs 1000 --keywords 2000
vectors rand_h1 random "$WORK/rand_h1" --seed 3 --msgs 2000 --keywords 800 --hashes 1 --filter-bits 12
vectors rand_w32 random "$WORK/rand_w32" --seed 4 --msgs 2000 --keywords 800 --data-bytes 32 --maxk 64

# Icarus: slow, so the directed cases without the 64 KiB message (quick)
# and one small random set
if build_icarus icarus "-Ptb_kwm.ENGINES=2 -Ptb_kwm.FILTER_BITS=10 -Ptb_kwm.INDEX_BITS=8 -Ptb_kwm.STORE_BITS=9"; then
    run icarus icarus quick 30 40 1
    run icarus icarus rand_small 10 20 2
else
    FAILED=$((FAILED + 1)); note "FAIL  icarus build"; tail -5 "$WORK/icarus.build.log"
fi

# Verilator: everything, several idle/backpressure patterns and geometries
if build_verilator vl_default ""; then
    run verilator vl_default directed 0 0 1
    run verilator vl_default directed 30 50 2
    run verilator vl_default directed 80 90 3
    run verilator vl_default rand_a 0 0 4
    run verilator vl_default rand_a 50 70 5
    run verilator vl_default rand_b 20 30 6
else
    FAILED=$((FAILED + 1)); note "FAIL  verilator build vl_default"; tail -5 "$WORK/vl_default.build.log"
fi
if build_verilator vl_e1_h1 "-GENGINES=1 -GFILTER_HASHES=1 -GFILTER_BITS=12"; then
    run verilator vl_e1_h1 rand_h1 10 10 7
else
    FAILED=$((FAILED + 1)); note "FAIL  verilator build vl_e1_h1"; tail -5 "$WORK/vl_e1_h1.build.log"
fi
if build_verilator vl_e7_w32 "-GENGINES=7 -GDATA_BYTES=32 -GMAXK=64"; then
    run verilator vl_e7_w32 rand_w32 0 0 8
    run verilator vl_e7_w32 rand_w32 40 60 9
else
    FAILED=$((FAILED + 1)); note "FAIL  verilator build vl_e7_w32"; tail -5 "$WORK/vl_e7_w32.build.log"
fi

note "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
