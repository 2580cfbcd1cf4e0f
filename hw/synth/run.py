#!/usr/bin/env python3
"""Yosys synthesis of kwm_top for 1k, 10k and 100k-keyword tables.

For each table size, kwm_top is synthesised with 1 and with 2 engines, in
two flows: generic `synth -lut 6` (table RAMs kept as black boxes and
counted in bits; FIFOs become flip-flops) and `synth_xilinx -family xcup -uram` (UltraScale+, as on an Alveo
U250). The per-engine cost is the difference of the two runs; a block of
ENGINES engines is estimated as run(1) + (ENGINES-1) * (run(2) - run(1)),
because synthesising 32 engines with 100k-keyword tables does not fit in
the time and memory of a 2-core CI machine.

usage: hw/synth/run.py [--engines N] [--sizes 1k,10k,100k] [--out DIR]
Writes DIR/<size>-<flow>-e<1|2>.log and prints a Markdown table.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RTL = ["kwm_fifo.v", "kwm_hash.v", "kwm_engine.v", "kwm_confirm.v", "kwm_top.v"]

# Filter sizing per window length, log2 bits per Bloom table. Assumed mix
# of a Chinese keyword library: up to 5% one character (L=3), 35-40% two
# (L=6), 60% three or more (L=8); ASCII keywords fill L=4,5,7. About 8 bits per
# keyword per table with 4 hashes: false-positive rate ~2e-4 per byte.
SIZES = {
    #        L=1 ... L=8                     index store
    "1k":   ([8, 10, 10, 10, 10, 12, 10, 13], 11, 10),
    "10k":  ([8, 12, 13, 12, 12, 15, 12, 16], 15, 14),
    "100k": ([8, 13, 15, 13, 13, 18, 13, 19], 18, 17),
}
HASHES = 4
DATA_BYTES = 32
MAXK = 32


def filter_bits_param(bits):
    return sum(b << (5 * i) for i, b in enumerate(bits))


def script(size, flow, engines):
    fb, ib, sb = SIZES[size]
    files = [os.path.join(HERE, "..", "verilog", f) for f in RTL]
    if flow == "generic":
        files.append(os.path.join(HERE, "kwm_ram_blackbox.v"))
    else:
        files.append(os.path.join(HERE, "..", "verilog", "kwm_ram.v"))
    params = {
        "ENGINES": engines, "DATA_BYTES": DATA_BYTES, "MAXK": MAXK,
        "FILTER_BITS": filter_bits_param(fb), "FILTER_HASHES": HASHES,
        "INDEX_BITS": ib, "STORE_BITS": sb,
    }
    lines = ["read_verilog -defer " + " ".join(files)]
    lines += ["chparam -set %s %d kwm_top" % kv for kv in params.items()]
    lines.append("hierarchy -top kwm_top")
    if flow == "generic":
        lines.append("synth -top kwm_top -flatten -lut 6")
    else:
        lines.append("synth_xilinx -top kwm_top -family xcup -uram -flatten -noiopad")
    lines.append("tee -o {out} stat")
    return lines


def ram_bits_generic(size, engines):
    """Bits of the black-boxed table RAMs, from the parameters."""
    fb, ib, sb = SIZES[size]
    per_engine = sum(HASHES * 2 * (1 << min(b, 8 * (i + 1))) for i, b in enumerate(fb))
    confirm = 2 * (1 << ib) * 32 + 2 * (1 << sb) * (40 + MAXK * 8)
    return engines * per_engine + confirm


def parse_stat(path):
    cells = {}
    text = open(path).read()
    for m in re.finditer(r"^\s+(\S+)\s+(\d+)$", text, re.M):
        cells[m.group(1)] = cells.get(m.group(1), 0) + int(m.group(2))
    return cells


def summarise(cells, flow):
    luts = sum(v for k, v in cells.items() if re.match(r"LUT\d$", k) or k == "$lut")
    ffs = sum(v for k, v in cells.items() if re.match(r"(FD\w+|\$_S?DFF\w*_|\$_DFFE?\w*_|\$_SDFFC?E?\w*_|\$_DFF\w*)$", k))
    lutram = sum(v for k, v in cells.items() if k.startswith("RAM32") or k.startswith("RAM64") or k.startswith("RAM128") or k.startswith("RAM256"))
    bram36 = cells.get("RAMB36E2", 0) + cells.get("RAMB18E2", 0) / 2.0
    uram = cells.get("URAM288", 0)
    if flow == "generic":
        # 6-input LUTs; the small FIFOs become flip-flops here (no LUTRAM)
        luts = cells.get("$lut", 0)
    return {"luts": luts, "ffs": ffs, "lutram": lutram, "bram36": bram36, "uram": uram}


def run(size, flow, engines, out):
    log = os.path.join(out, "%s-%s-e%d.log" % (size, flow, engines))
    stat = log.replace(".log", ".stat")
    ys = "\n".join(script(size, flow, engines)).replace("{out}", stat)
    if not os.path.exists(stat):
        with open(log, "w") as f:
            r = subprocess.run(["yosys", "-q", "-p", ys], stdout=f, stderr=subprocess.STDOUT)
        if r.returncode != 0:
            sys.exit("yosys failed, see " + log)
    return summarise(parse_stat(stat), flow)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engines", type=int, default=32)
    ap.add_argument("--sizes", default="1k,10k,100k")
    ap.add_argument("--flows", default="generic,xilinx")
    ap.add_argument("--out", default="/tmp/kwm-synth")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    print("| keywords | flow | per engine: LUT / FF / LUTRAM / BRAM36 / URAM | %d engines + confirm: LUT / FF / LUTRAM / BRAM36 / URAM | table Mbit |" % a.engines)
    print("|---|---|---|---|---|")
    for size in a.sizes.split(","):
        for flow in a.flows.split(","):
            one = run(size, flow, 1, a.out)
            two = run(size, flow, 2, a.out)
            inc = {k: two[k] - one[k] for k in one}
            tot = {k: one[k] + (a.engines - 1) * inc[k] for k in one}
            mbit = ram_bits_generic(size, a.engines) / 1e6
            fmt = lambda d: "%d / %d / %d / %g / %d" % (d["luts"], d["ffs"], d["lutram"], d["bram36"], d["uram"])
            print("| %s | %s | %s | %s | %.1f |" % (size, flow, fmt(inc), fmt(tot), mbit))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
