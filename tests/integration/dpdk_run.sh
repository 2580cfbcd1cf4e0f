#!/bin/sh
# Integration tests of `sigsift run` (the DPDK dataplane) over net_pcap
# vdevs, without hugepages:
#   - a one-pass replay ends by itself, every frame of the capture is
#     received and decoded, and every mbuf returns to its pool;
#   - 1 and 2 workers (direct and software distribution) see the same
#     frames and messages (and, on the shared sample, the same events);
#   - a tap's two directions on two ports give the records of the whole
#     capture, with 1 and 2 workers;
#   - SIGINT during an infinite_rx replay stops cleanly with statistics;
#   - a live interface (net_af_packet on a veth pair) receives and decodes
#     every frame sent into it, as sigsift decode does the capture;
#   - --packets / --drop / --report-json behave as documented;
#   - on a tools/siggen capture (when built), 1 and 2 workers and
#     `sigsift decode` give the same events;
#   - with a hook that flags every message, the evidence pcap holds every
#     frame the records name.
# The capture is written here by python3 (no project tool involved): SCTP
# associations in both directions, IPv6, VLAN, ARP, UDP and frames larger
# than an mbuf (multi-segment). The shared sample
# ../shared/data/pcap/tcapmap_pcapr.pcap (beside the repository) is used
# as well when present.
#
# usage: tests/integration/dpdk_run.sh [path/to/sigsift]   (or SIGSIFT=...)
# Prints "N passed, N failed"; exits non-zero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIGSIFT=${1:-${SIGSIFT:-$ROOT/build/dataplane/cli/sigsift}}
SHARED=$ROOT/../shared/data/pcap/tcapmap_pcapr.pcap
TMP=$(mktemp -d)
VETH=
trap 'rm -rf "$TMP"; [ -z "$VETH" ] || ip link del "$VETH" 2>/dev/null' EXIT
. "$ROOT/tests/integration/dpdk_lib.sh"

if [ ! -x "$SIGSIFT" ]; then
    echo "no sigsift binary at $SIGSIFT (build it, or pass its path)"
    echo "0 passed, 1 failed"
    exit 1
fi

if ! "$SIGSIFT" run --help 2>&1 | grep -q "sigsift run"; then
    echo "$SIGSIFT has no 'run' command (built without libdpdk, or not wired in dataplane/cli/main.c)"
    echo "0 passed, 1 failed"
    exit 1
fi

gen_pcap() {
    python3 - "$1" "$2" <<'PY'
import struct, sys

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def eth(t, payload, vlan=None):
    h = b"\x02\0\0\0\0\x01" + b"\x02\0\0\0\0\x02"
    if vlan is not None:
        h += struct.pack("!HH", 0x8100, vlan)
    return h + struct.pack("!H", t) + payload

def ipv4(src, dst, proto, payload):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0,
                    bytes(src), bytes(dst))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload

def ipv6(src, dst, proto, payload):
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), proto, 64, bytes(src),
                       bytes(dst)) + payload

def sctp(sport, dport, data):
    # RFC 4960 3.1 common header (checksum left 0) + one DATA chunk (3.3.1),
    # PPID 3 (M3UA) with a payload that is not valid M3UA.
    chunk = struct.pack("!BBHIHHI", 0, 3, 16 + len(data), 1, 0, 0, 3) + data
    chunk += b"\0" * (-len(chunk) % 4)
    return struct.pack("!HHII", sport, dport, 0x1234, 0) + chunk

frames = []
for a in range(8):
    c, s = [10, 0, 0, a + 1], [10, 1, 0, a + 1]
    for i in range(20):
        frames.append(eth(0x0800, ipv4(c, s, 132, sctp(3000 + a, 2905, b"\xaa" * (8 + i)))))
        frames.append(eth(0x0800, ipv4(s, c, 132, sctp(2905, 3000 + a, b"\xbb" * (8 + i)))))
for i in range(3):
    c6, s6 = [0x20, 1, 0xd, 0xb8] + [0] * 11 + [1], [0x20, 1, 0xd, 0xb8] + [0] * 11 + [2]
    frames.append(eth(0x86dd, ipv6(c6, s6, 132, sctp(4000, 2905, b"\xcc" * 12))))
    frames.append(eth(0x86dd, ipv6(s6, c6, 132, sctp(2905, 4000, b"\xcc" * 12))))
    frames.append(eth(0x0800, ipv4([10, 2, 0, 1], [10, 2, 0, 2], 132, sctp(5000, 2905, b"\xdd" * 16)), vlan=100))
    frames.append(eth(0x0800, ipv4([10, 2, 0, 2], [10, 2, 0, 1], 132, sctp(2905, 5000, b"\xdd" * 16)), vlan=100))
for i in range(5):
    frames.append(eth(0x0806, b"\0\x01\x08\0\x06\x04\0\x01" + b"\0" * 20))
    frames.append(eth(0x0800, ipv4([10, 3, 0, 1], [10, 3, 0, 2], 17, struct.pack("!HHHH", 53, 53, 12, 0) + b"abcd")))
# Larger than one mbuf's 2 KiB data room: received as a chain (which
# net_pcap refuses with infinite_rx, so the endless replays go without).
for i in range(2 if sys.argv[2] == "jumbo" else 0):
    frames.append(eth(0x0800, ipv4([10, 0, 0, 1], [10, 1, 0, 1], 132, sctp(3000, 2905, b"\xee" * 3500))))

with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for n, fr in enumerate(frames):
        f.write(struct.pack("<IIII", 1700000000 + n // 100, (n % 100) * 10000, len(fr), len(fr)))
        f.write(fr)
PY
}

count_frames() {
    if command -v capinfos >/dev/null 2>&1; then
        capinfos -M -c -r -T "$1" | awk '{print $NF}'
    else
        python3 -c "
import struct,sys
d=open(sys.argv[1],'rb').read();o=24;n=0
while o+16<=len(d):
    o+=16+struct.unpack('<I',d[o+8:o+12])[0];n+=1
print(n)" "$1"
    fi
}

sum_counter() { awk -v k="$1" '$1 ~ "^worker[0-9]+\\." k "$" {s += $2} END {print s + 0}' "$2"; }

run() { # run NAME LCORES VDEVARGS [options...]: stderr to $TMP/NAME.err
    name=$1 lcores=$2 vdev=$3
    shift 3
    timeout 60 "$SIGSIFT" run $lcores $EAL --vdev "net_pcap0,$vdev" -- "$@" \
        >"$TMP/$name.out" 2>"$TMP/$name.err"
}

check_one_pass() { # NAME LCORES PCAP
    name=$1 pcap=$3
    expect=$(count_frames "$pcap")
    run "$name" "$2" "rx_pcap=$pcap" --all --events "$TMP/$name.jsonl" --report-json "$TMP/$name.json"
    rc=$?
    if [ $rc != 0 ]; then
        ko "$name: exit status $rc" "$TMP/$name.err"
        return
    fi
    grep -q "stopped (end of input)" "$TMP/$name.err" && ok "$name: one-pass replay ends by itself" ||
        ko "$name: did not stop at end of input" "$TMP/$name.err"
    got=$(sum_counter frames "$TMP/$name.err")
    [ "$got" = "$expect" ] && [ "$(counter frames "$TMP/$name.err")" = "$expect" ] &&
        [ "$(counter port0.ipackets "$TMP/$name.err")" = "$expect" ] &&
        ok "$name: received and decoded all $expect frames" ||
        ko "$name: frames $got (decoded $(counter frames "$TMP/$name.err")), capture has $expect" "$TMP/$name.err"
    [ "$(counter mempool.mbuf_s0.in_use "$TMP/$name.err")" = 0 ] && ok "$name: mempool in-use returns to 0" ||
        ko "$name: mbufs in use at exit" "$TMP/$name.err"
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['total']['frames']==int(sys.argv[2])
assert d['ports'][0]['ipackets']==int(sys.argv[2]) and d['ports'][0]['imissed']==0" \
        "$TMP/$name.json" "$expect" && ok "$name: --report-json totals and port counters match" ||
        ko "$name: --report-json" "$TMP/$name.json"
}

check_same() { # A B: same frames and messages (and the same events, sorted)
    a=$TMP/$1.err b=$TMP/$2.err
    for k in frames messages sctp.packets; do
        [ "$(counter $k "$a")" = "$(counter $k "$b")" ] && ok "$1 vs $2: same $k ($(counter $k "$a"))" ||
            ko "$1 vs $2: $k $(counter $k "$a") vs $(counter $k "$b")" "$b"
    done
    sort "$TMP/$1.jsonl" >"$TMP/a.sorted"
    sort "$TMP/$2.jsonl" >"$TMP/b.sorted"
    cmp -s "$TMP/a.sorted" "$TMP/b.sorted" && ok "$1 vs $2: same events ($(wc -l <"$TMP/a.sorted"))" ||
        ko "$1 vs $2: events differ"
}

gen_pcap "$TMP/gen.pcap" jumbo
gen_pcap "$TMP/small.pcap" small
check_one_pass gen1 "$ONE" "$TMP/gen.pcap"
check_one_pass gen2 "$TWO" "$TMP/gen.pcap"
grep -q "distribution software" "$TMP/gen2.err" && [ "$(counter dist.other "$TMP/gen2.err")" = 10 ] &&
    ok "gen2: software distributor sends the 10 non-SCTP frames to worker 0" ||
    ko "gen2: distributor counters" "$TMP/gen2.err"
check_same gen1 gen2

if [ -r "$SHARED" ]; then
    check_one_pass shared1 "$ONE" "$SHARED"
    check_one_pass shared2 "$TWO" "$SHARED"
    check_same shared1 shared2
    [ "$(counter messages "$TMP/shared1.err")" -gt 0 ] 2>/dev/null && ok "shared1: messages decoded" ||
        ko "shared1: no messages decoded" "$TMP/shared1.err"
    if "$SIGSIFT" decode --quiet "$SHARED" >"$TMP/decode.jsonl" 2>/dev/null; then
        sort "$TMP/decode.jsonl" | cmp -s - "$TMP/a.sorted" && ok "run --all events equal sigsift decode" ||
            ko "run --all events differ from sigsift decode"
    fi
else
    echo "SKIP $SHARED absent"
fi

# A generated SIGTRAN capture (tools/siggen, every feature mixed):
# reassembly and concatenation must survive distribution over 2 workers.
SIGGEN=${SIGGEN:-$(dirname "$SIGSIFT")/../../tools/siggen/siggen}
MIX=
if [ -x "$SIGGEN" ] && "$SIGGEN" --count 2000 --seed 7 --out "$TMP/mix.pcap" --truth "$TMP/mix.truth" >/dev/null 2>&1; then
    MIX=$TMP/mix.pcap
    check_one_pass mix1 "$ONE" "$TMP/mix.pcap"
    check_one_pass mix2 "$TWO" "$TMP/mix.pcap"
    check_same mix1 mix2
    [ "$(counter messages "$TMP/mix1.err")" = "$(wc -l <"$TMP/mix.truth")" ] &&
        ok "mix1: as many messages as siggen's truth" || ko "mix1: messages vs truth" "$TMP/mix1.err"
    if "$SIGSIFT" decode --quiet "$TMP/mix.pcap" >"$TMP/mixdec.jsonl" 2>/dev/null; then
        sort "$TMP/mixdec.jsonl" | cmp -s - "$TMP/a.sorted" && ok "mix: run --all events equal sigsift decode" ||
            ko "mix: run --all events differ from sigsift decode"
    fi
else
    echo "SKIP siggen not built at $SIGGEN, or it failed"
fi

# A tap's two directions on two ports (an optical tap gives each fibre
# its own port): the mix split by direction into two captures, each
# replayed on its own net_pcap vdev. Both directions of an association
# must meet in one worker: 1 and 2 workers give sigsift decode's records
# of the whole capture.
split_directions() { # PCAP OUT_A OUT_B: frames from the lower IP address to A
    python3 - "$@" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
out = [open(sys.argv[2], "wb"), open(sys.argv[3], "wb")]
for f in out:
    f.write(d[:24])
def from_lower(fr):
    et, off = struct.unpack(">H", fr[12:14])[0], 14
    while et in (0x8100, 0x88A8):
        et, off = struct.unpack(">H", fr[off + 2:off + 4])[0], off + 4
    if et == 0x0800:
        return fr[off + 12:off + 16] < fr[off + 16:off + 20]
    if et == 0x86DD:
        return fr[off + 8:off + 24] < fr[off + 24:off + 40]
    return True
o = 24
while o + 16 <= len(d):
    n = 16 + struct.unpack("<I", d[o + 8:o + 12])[0]
    out[0 if from_lower(d[o + 16:o + n]) else 1].write(d[o:o + n])
    o += n
PY
}

check_two_ports() { # NAME LCORES
    name=$1
    timeout 60 "$SIGSIFT" run $2 $EAL --vdev "net_pcap0,rx_pcap=$TMP/dir_a.pcap" \
        --vdev "net_pcap1,rx_pcap=$TMP/dir_b.pcap" -- --all --events "$TMP/$name.jsonl" \
        >"$TMP/$name.out" 2>"$TMP/$name.err"
    rc=$?
    [ $rc = 0 ] && grep -q "2 port(s)" "$TMP/$name.err" && ok "$name: two ports replayed, exit 0" ||
        ko "$name: exit $rc" "$TMP/$name.err"
    sort "$TMP/$name.jsonl" | cmp -s - "$TMP/mixdec.sorted" &&
        ok "$name: events equal sigsift decode of the whole capture ($(wc -l <"$TMP/$name.jsonl"))" ||
        ko "$name: events differ from sigsift decode of the whole capture"
}

if [ -n "$MIX" ]; then
    split_directions "$MIX" "$TMP/dir_a.pcap" "$TMP/dir_b.pcap"
    sort "$TMP/mixdec.jsonl" >"$TMP/mixdec.sorted"
    [ "$(count_frames "$TMP/dir_a.pcap")" -gt 0 ] && [ "$(count_frames "$TMP/dir_b.pcap")" -gt 0 ] &&
        ok "mix split by direction: $(count_frames "$TMP/dir_a.pcap") + $(count_frames "$TMP/dir_b.pcap") frames" ||
        ko "mix split by direction: a side is empty"
    check_two_ports ports1 "$ONE"
    check_two_ports ports2 "$TWO"
fi

# Evidence: a hook that flags every message (dpdk_flag_all, built beside
# the DPDK layer) must get every frame each record names into the pcap.
FLAGALL=${FLAGALL:-$(dirname "$SIGSIFT")/../dpdk/dpdk_flag_all}
EVPCAP=${MIX:-$SHARED}
check_evidence() { # NAME LCORES
    name=$1
    timeout 60 "$FLAGALL" run $2 $EAL --vdev "net_pcap0,rx_pcap=$EVPCAP" -- \
        --events "$TMP/$name.jsonl" --evidence "$TMP/$name.pcap" >/dev/null 2>"$TMP/$name.err"
    rc=$?
    if [ $rc != 0 ]; then
        ko "$name: exit status $rc" "$TMP/$name.err"
        return
    fi
    named=$(python3 -c "import json,sys; print(sum(json.loads(l)['frames'] for l in open(sys.argv[1])))" "$TMP/$name.jsonl")
    msgs=$(counter messages "$TMP/$name.err")
    [ "$(wc -l <"$TMP/$name.jsonl")" = "$msgs" ] && [ "$(counter hook.messages "$TMP/$name.err")" = "$msgs" ] &&
        ok "$name: one event per message, fini/teardown saw all $msgs" ||
        ko "$name: events or hook.messages differ from messages ($msgs)" "$TMP/$name.err"
    [ "$named" -gt 0 ] && [ "$(count_frames "$TMP/$name.pcap")" = "$named" ] &&
        [ "$(sum_counter evidence_lost "$TMP/$name.err")" = 0 ] &&
        ok "$name: evidence pcap holds all $named frames the records name" ||
        ko "$name: evidence pcap has $(count_frames "$TMP/$name.pcap") frames, records name $named" "$TMP/$name.err"
}
if [ ! -r "$EVPCAP" ] || [ "$EVPCAP" = "$TMP/gen.pcap" ]; then
    echo "SKIP evidence: no capture with short messages (siggen or $SHARED)"
elif [ -x "$FLAGALL" ]; then
    check_evidence evid1 "$ONE"
    check_evidence evid2 "$TWO"
    if command -v tshark >/dev/null 2>&1; then
        [ "$(tshark -r "$TMP/evid1.pcap" -Y gsm_sms 2>/dev/null | wc -l)" -gt 0 ] &&
            ok "evid1: tshark reads short messages from the evidence pcap" ||
            ko "evid1: tshark finds no gsm_sms in the evidence pcap"
    fi
else
    echo "SKIP no $FLAGALL"
fi

# wait_for PATTERN FILE: until a line of FILE matches (at most 30 s), so
# a signal is sent only once the run is up, however slow EAL starts.
wait_for() {
    i=0
    while ! grep -q "$1" "$2" 2>/dev/null && [ $i -lt 300 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}

# wait_started PID FILE: until FILE has an interval line (the run is
# taking frames) or the process has ended (at most 30 s).
wait_started() {
    i=0
    while kill -0 "$1" 2>/dev/null && ! grep -q '^\[' "$2" 2>/dev/null && [ $i -lt 300 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}

# hangups SOCKET N: N control clients that send a request and close
# without reading the reply.
hangups() {
    python3 - "$1" "$2" <<'PY'
import socket, sys, time
for _ in range(int(sys.argv[2])):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sys.argv[1])
    s.sendall(b"stats\n")
    s.close()
    time.sleep(0.01)  # one connection at a time is served
PY
}

# SIGINT during an endless replay: a clean stop with statistics. Before
# it, clients that hang up before their reply must not end the run
# (a reply written to a closed socket is EPIPE, not SIGPIPE).
"$SIGSIFT" run $ONE $EAL --vdev "net_pcap0,rx_pcap=$TMP/small.pcap,infinite_rx=1" -- --stats-interval 0.2 \
    --socket "$TMP/ctl.sock" >"$TMP/int.out" 2>"$TMP/int.err" &
pid=$!
wait_for '^\[' "$TMP/int.err"
hangups "$TMP/ctl.sock" 50 2>"$TMP/hangup.err"
sleep 0.5
kill -0 $pid 2>/dev/null && ok "50 control clients hanging up before their reply: the run goes on" ||
    ko "the run died when control clients hung up" "$TMP/int.err"
kill -INT $pid
wait $pid
rc=$?
[ $rc = 0 ] && grep -q "stopped (signal)" "$TMP/int.err" && ok "SIGINT stops an infinite_rx run, exit 0" ||
    ko "SIGINT: exit $rc" "$TMP/int.err"
[ "$(counter mempool.mbuf_s0.in_use "$TMP/int.err")" = 0 ] && ok "SIGINT: mempool in-use returns to 0" ||
    ko "SIGINT: mbufs in use" "$TMP/int.err"
frames=$(counter frames "$TMP/int.err")
[ "${frames:-0}" -gt "$(count_frames "$TMP/small.pcap")" ] && grep -q '^\[' "$TMP/int.err" &&
    ok "SIGINT: final and interval statistics printed ($frames frames)" ||
    ko "SIGINT: statistics" "$TMP/int.err"

# The same with two workers and the software distributor, and SIGTERM.
"$SIGSIFT" run $TWO $EAL --vdev "net_pcap0,rx_pcap=$TMP/small.pcap,infinite_rx=1" -- \
    >"$TMP/term.out" 2>"$TMP/term.err" &
pid=$!
wait_for "distribution" "$TMP/term.err"
sleep 1
kill -TERM $pid
wait $pid
rc=$?
[ $rc = 0 ] && [ "$(counter mempool.mbuf_s0.in_use "$TMP/term.err")" = 0 ] &&
    ok "SIGTERM stops a 2-worker run cleanly" || ko "SIGTERM: exit $rc" "$TMP/term.err"

# A live interface: net_af_packet (one and two queue pairs, qpairs=2) or
# net_af_xdp on one end of a veth pair, the mix's frames sent into the
# other end by python3 (an AF_PACKET socket, 64 frames a millisecond).
# Every frame sent arrives and is decoded, SIGINT stops the run cleanly,
# and the events are sigsift decode's records of the mix (mixdec.jsonl,
# above) but for their times (a live port stamps frames with the host
# clock).
# Needs iproute2 and CAP_NET_ADMIN (root); said as SKIP without them.
send_frames() { # PCAP IFACE [FRAMES PER MS, 0 = unpaced; 64]: prints the number sent
    python3 - "$1" "$2" "${3:-64}" <<'PY'
import socket, struct, sys, time
d = open(sys.argv[1], "rb").read()
per_ms = int(sys.argv[3])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((sys.argv[2], 0))
o = 24 if d[:4] == b"\xd4\xc3\xb2\xa1" else sys.exit("not a little-endian pcap")
n = 0
while o + 16 <= len(d):
    caplen = struct.unpack("<I", d[o + 8:o + 12])[0]
    s.send(d[o + 16:o + 16 + caplen])
    o += 16 + caplen
    n += 1
    if per_ms and n % per_ms == 0:
        time.sleep(0.001)
print(n)
PY
}

# without_ts FILE: the JSON lines without their "ts" member, sorted.
without_ts() {
    python3 -c '
import json, sys
rows = []
for line in open(sys.argv[1]):
    d = json.loads(line)
    d.pop("ts")
    rows.append(json.dumps(d, ensure_ascii=False))
print("\n".join(sorted(rows)))' "$1"
}

# wait_frames N FILE: until the workers' frames in the last interval line
# of FILE add up to N (at most 30 s).
wait_frames() {
    i=0
    while [ "$(grep '^\[' "$2" | tail -1 | grep -o 'frames=[0-9]*' | awk -F= '{s += $2} END {print s + 0}')" != "$1" ] &&
        [ $i -lt 300 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}

# make_veth: a veth pair $veth (frames go in) and $peer (sigsift reads),
# up and without IPv6 (no neighbour discovery frames of its own); false,
# with SKIP said, when it cannot be made.
make_veth() {
    veth=ss$$a peer=ss$$b
    if ! command -v ip >/dev/null 2>&1 || ! ip link add "$veth" type veth peer name "$peer" 2>"$TMP/veth.err"; then
        echo "SKIP live interface: no veth pair ($(cat "$TMP/veth.err" 2>/dev/null || echo no ip command))"
        return 1
    fi
    VETH=$veth
    for i in "$veth" "$peer"; do
        sysctl -qw "net.ipv6.conf.$i.disable_ipv6=1"
        ip link set "$i" up
    done
}

drop_veth() {
    ip link del "$VETH"
    VETH=
}

# start_live NAME LCORES VDEV [OPTIONS...]: sigsift run in the background
# (pid) on the veth pair's $peer, named IFACE in VDEV, with interval
# statistics and its own control socket; returns once it takes frames or
# has ended.
start_live() {
    name=$1 lcores=$2 vdev=$(printf %s "$3" | sed "s/IFACE/$peer/")
    shift 3
    "$SIGSIFT" run $lcores $EAL --vdev "$vdev" -- --stats-interval 0.2 --socket "$TMP/$name.sock" "$@" \
        >"$TMP/$name.out" 2>"$TMP/$name.err" &
    pid=$!
    wait_started $pid "$TMP/$name.err"
}

# check_live NAME LCORES VDEV [OPTIONS...]: VDEV reads the interface IFACE. The
# interface's own counters are checked for net_af_packet, whose PMD does
# not count what its ring dropped (net_af_xdp's imissed does).
check_live() {
    name=$1 lcores=$2
    case $3 in net_af_packet*) packet=1 ;; *) packet=0 ;; esac
    make_veth || return
    vdev=$3
    shift 3
    start_live "$name" "$lcores" "$vdev" --all --events "$TMP/$name.jsonl" "$@"
    if ! kill -0 $pid 2>/dev/null && [ $packet = 0 ] && grep -q "af_xdp" "$TMP/$name.err"; then
        drop_veth
        echo "SKIP $name: net_af_xdp did not start ($(grep -m1 af_xdp "$TMP/$name.err"))"
        return
    fi
    sent=$(send_frames "$MIX" "$veth")
    wait_frames "$sent" "$TMP/$name.err"
    [ $packet = 1 ] && { python3 - "$TMP/$name.sock" "$sent" <<'PY' && ok "$name: control socket stats: the interface's $sent frames, none unread" ||
import json, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
s.sendall(b"stats\n")
reply = b""
while not reply.endswith(b"\n"):
    chunk = s.recv(65536)
    if not chunk:
        break
    reply += chunk
port = json.loads(reply)["ports"][0]
sys.exit(port.get("iface_rx_packets") != int(sys.argv[2]) or port.get("iface_unread") != 0)
PY
        ko "$name: control socket stats" "$TMP/$name.err"; }
    kill -INT $pid
    wait $pid
    rc=$?
    drop_veth
    [ $rc = 0 ] && grep -q "stopped (signal)" "$TMP/$name.err" && ok "$name: SIGINT stops the run, exit 0" ||
        ko "$name: exit $rc" "$TMP/$name.err"
    [ "$(counter port0.ipackets "$TMP/$name.err")" = "$sent" ] && [ "$(counter frames "$TMP/$name.err")" = "$sent" ] &&
        ok "$name: all $sent frames sent were received and decoded" ||
        ko "$name: received $(counter port0.ipackets "$TMP/$name.err"), decoded $(counter frames "$TMP/$name.err") of $sent" "$TMP/$name.err"
    [ $packet = 1 ] && { [ "$(counter port0.iface_rx_packets "$TMP/$name.err")" = "$sent" ] &&
        [ "$(counter port0.iface_unread "$TMP/$name.err")" = 0 ] &&
        ok "$name: the interface counted $sent frames, none unread" ||
        ko "$name: interface counters" "$TMP/$name.err"; }
    [ "$(counter port0.imissed "$TMP/$name.err")" = 0 ] && ok "$name: the port missed no frame (imissed 0)" ||
        ko "$name: imissed $(counter port0.imissed "$TMP/$name.err")" "$TMP/$name.err"
    kept=$(counter mempool.kept_by_ports "$TMP/$name.err")
    [ "$(counter mempool.mbuf_s0.in_use "$TMP/$name.err")" = "$kept" ] &&
        ok "$name: mempool in-use returns to $kept (what the PMD keeps after close)" ||
        ko "$name: mbufs in use at exit" "$TMP/$name.err"
    without_ts "$TMP/$name.jsonl" >"$TMP/$name.sorted"
    [ -s "$TMP/$name.sorted" ] && cmp -s "$TMP/$name.sorted" "$TMP/mixdec.nots" &&
        ok "$name: events equal sigsift decode but for capture times ($(wc -l <"$TMP/$name.jsonl"))" ||
        ko "$name: events differ from sigsift decode ($(sum_counter events_dropped "$TMP/$name.err") dropped)"
}

# check_overflow NAME VDEV MISSED: the frames sent unpaced to 3 lcores on
# 2 cores, into a ring too small for that: what the ring drops shows in
# the counter portN.MISSED, and read + missed is every frame sent.
# net_af_packet does not count its ring's drops; iface_unread (the
# interface's counter less what was read) does.
check_overflow() {
    name=$1 missed=$3
    make_veth || return
    start_live "$name" "$TWO" "$2"
    sent=$(send_frames "$MIX" "$veth" 0)
    sleep 1
    kill -INT $pid
    wait $pid
    drop_veth
    read_=$(counter port0.ipackets "$TMP/$name.err") lost=$(counter "port0.$missed" "$TMP/$name.err")
    [ "$(counter frames "$TMP/$name.err")" = "$read_" ] && [ $((read_ + lost)) = "$sent" ] &&
        ok "$name: $read_ read + $lost $missed (ring overflow) = $sent sent" ||
        ko "$name: read $read_, $missed $lost, sent $sent" "$TMP/$name.err"
}

# Jumbo frames on a live link of MTU 9000: the mix's SCTP packets
# gathered into frames of up to 8 000 bytes. With --max-frame 16384 and a
# kernel ring of 16 KiB frames every frame is decoded whole, as `sigsift
# decode` decodes the capture; without the option the PMD refuses that
# ring and sigsift says why; a default ring (2 KiB frames) cuts the jumbo
# frames, and the decoder counts each one (ip.truncated).
jumbo_run() { # NAME [VDEV ARGUMENTS [OPTIONS...]]: sends the capture, stops the run
    name=$1 args=${2:-}
    shift 2
    start_live "$name" "$ONE" "net_af_packet0,iface=IFACE$args" --all --events "$TMP/$name.jsonl" "$@"
    if kill -0 $pid 2>/dev/null; then
        sent=$(send_frames "$TMP/jumbo.pcap" "$veth" 8)
        wait_frames "$sent" "$TMP/$name.err"
        kill -INT $pid
    fi
    wait $pid
}

# messages JSONL: each record's direction, parties and text, sorted: what
# an evidence pcap must yield again (it holds the frames that carried the
# messages, not always the dialogue's first, so map_version may be lost).
messages() {
    python3 -c '
import json, sys
rows = []
for line in open(sys.argv[1]):
    d = json.loads(line)
    rows.append(json.dumps([d["dir"], d["sender"], d["recipient"], d.get("text")], ensure_ascii=False))
print("\n".join(sorted(rows)))' "$1"
}

# jumbo_evidence MAX_FRAME: the jumbo capture replayed once, every message
# flagged (dpdk_flag_all), with --evidence; the messages of its evidence
# pcap's decode (jumbo_ev.msgs). False when a record is cut other than at
# MAX_FRAME.
jumbo_evidence() {
    rm -f "$TMP/jumbo_ev.pcap"
    timeout 60 "$FLAGALL" run $ONE $EAL --vdev "net_pcap0,rx_pcap=$TMP/jumbo.pcap" -- --max-frame "$1" \
        --evidence "$TMP/jumbo_ev.pcap" >/dev/null 2>"$TMP/jumbo_ev.err" || return 1
    python3 - "$TMP/jumbo_ev.pcap" "$1" <<'PY' || return 1
import struct, sys
d = open(sys.argv[1], "rb").read()
snap, o, n = int(sys.argv[2]), 24, 0
while o + 16 <= len(d):
    caplen, length = struct.unpack("<II", d[o + 8:o + 16])
    if caplen != min(length, snap):
        sys.exit(f"record {n}: caplen {caplen}, len {length}")
    o += 16 + caplen
    n += 1
sys.exit(n == 0)
PY
    "$SIGSIFT" decode --quiet "$TMP/jumbo_ev.pcap" >"$TMP/jumbo_ev.dec" &&
        messages "$TMP/jumbo_ev.dec" >"$TMP/jumbo_ev.msgs"
}

check_jumbo() {
    ring=,framesz=16384,blocksz=16384,framecnt=512
    counts=$(python3 "$ROOT/tests/integration/jumbo_frames.py" "$MIX" "$TMP/jumbo.pcap" 8000)
    frames=${counts% *} big=${counts#* }
    "$SIGSIFT" decode --quiet "$TMP/jumbo.pcap" >"$TMP/jumbo.dec"
    without_ts "$TMP/jumbo.dec" >"$TMP/jumbo.nots"
    messages "$TMP/jumbo.dec" >"$TMP/jumbo.msgs"
    jumbo_evidence 16384 && cmp -s "$TMP/jumbo_ev.msgs" "$TMP/jumbo.msgs" &&
        ok "--max-frame 16384: the evidence pcap keeps jumbo frames whole: every message in its decode" ||
        ko "--max-frame 16384: evidence pcap" "$TMP/jumbo_ev.err"
    jumbo_evidence 2048 && ! cmp -s "$TMP/jumbo_ev.msgs" "$TMP/jumbo.msgs" &&
        ok "--max-frame 2048: evidence frames cut at 2048 bytes, $(wc -l <"$TMP/jumbo_ev.msgs") of $(wc -l <"$TMP/jumbo.msgs") messages in its decode" ||
        ko "--max-frame 2048: evidence pcap" "$TMP/jumbo_ev.err"
    make_veth || return
    ip link set "$veth" mtu 9000 && ip link set "$peer" mtu 9000
    jumbo_run jumbo "$ring" --max-frame 16384
    rc=$?
    [ $rc = 0 ] && [ "$(counter frames "$TMP/jumbo.err")" = "$sent" ] && [ "$sent" = "$frames" ] &&
        [ "$(counter ip.truncated "$TMP/jumbo.err")" = 0 ] &&
        [ "$(counter mempool.mbuf_s0.in_use "$TMP/jumbo.err")" = 0 ] &&
        ok "--max-frame 16384: $sent frames ($big above 2 KiB) decoded whole, every mbuf back" ||
        ko "--max-frame 16384: exit $rc, $(counter frames "$TMP/jumbo.err") of $frames frames" "$TMP/jumbo.err"
    without_ts "$TMP/jumbo.jsonl" >"$TMP/jumbo.sorted"
    [ -s "$TMP/jumbo.sorted" ] && cmp -s "$TMP/jumbo.sorted" "$TMP/jumbo.nots" &&
        ok "--max-frame 16384: events equal sigsift decode of the jumbo capture ($(wc -l <"$TMP/jumbo.jsonl"))" ||
        ko "--max-frame 16384: events differ from sigsift decode ($(sum_counter events_dropped "$TMP/jumbo.err") dropped)"
    jumbo_run jumbo_refused "$ring"
    rc=$?
    [ $rc != 0 ] && grep -q -- "--max-frame 2048" "$TMP/jumbo_refused.err" &&
        ok "a 16 KiB ring without --max-frame: refused, the message names --max-frame (exit $rc)" ||
        ko "a 16 KiB ring without --max-frame: exit $rc" "$TMP/jumbo_refused.err"
    jumbo_run jumbo_cut ""
    rc=$?
    [ $rc = 0 ] && [ "$(counter frames "$TMP/jumbo_cut.err")" = "$frames" ] &&
        [ "$(counter ip.truncated "$TMP/jumbo_cut.err")" -ge "$big" ] && [ "$big" -gt 0 ] &&
        ok "a default ring: the $big jumbo frames cut and counted ($(counter ip.truncated "$TMP/jumbo_cut.err") ip.truncated)" ||
        ko "a default ring: exit $rc, ip.truncated $(counter ip.truncated "$TMP/jumbo_cut.err"), $big jumbo frames" "$TMP/jumbo_cut.err"
    drop_veth
}

if [ -n "$MIX" ]; then
    without_ts "$TMP/mixdec.jsonl" >"$TMP/mixdec.nots"
    afp="net_af_packet0,iface=IFACE,framecnt=4096"
    check_live live1 "$ONE" "$afp"
    check_live live2 "$TWO" "$afp"
    # Two queue pairs: two sockets in a kernel fanout group, each given a
    # share of the frames; both must be read (one worker, and the
    # distributor of two).
    check_live live1q2 "$ONE" "$afp,qpairs=2"
    check_live live2q2 "$TWO" "$afp,qpairs=2"
    # An AF_XDP socket on the same veth pair (generic XDP, copy mode; the
    # PMD insists on TX queues, paired with the RX ones and never used,
    # and keeps its fill ring's 2048 mbufs after close). One worker: with
    # three lcores on two cores its ring can overflow even at this pace,
    # which is counted (imissed) and tested below as xdp2.
    check_live xdp1 "$ONE" "net_af_xdp0,iface=IFACE" --rx-desc 4096
    check_overflow ring16 "net_af_packet0,iface=IFACE,framecnt=16" iface_unread
    check_overflow xdp2 "net_af_xdp0,iface=IFACE" imissed
    check_jumbo
else
    echo "SKIP live interface: no siggen capture"
fi

# --max-frame on ports that apply an MTU (the NIC path; there is no NIC
# here): net_null takes MTU 9198 for 9216-byte frames (its overhead is
# Ethernet header and CRC); net_tap declares frames of at most 1522 bytes,
# so 16384 is refused at start with the port's limits.
timeout 60 "$SIGSIFT" run $ONE $EAL --vdev net_null0 -- --max-frame 9216 --packets 1000 \
    >"$TMP/null.out" 2>"$TMP/null.err"
rc=$?
[ $rc = 0 ] && grep -q "port 0 (net_null): MTU 9198 for --max-frame 9216" "$TMP/null.err" &&
    ok "--max-frame 9216 on net_null: MTU 9198 set" || ko "--max-frame on net_null: exit $rc" "$TMP/null.err"
timeout 60 "$SIGSIFT" run $ONE $EAL --vdev "net_tap0,iface=ss$$t" -- --max-frame 16384 --packets 1 \
    >"$TMP/tap.out" 2>"$TMP/tap.err"
rc=$?
if grep -q "needs an MTU of 16366; the port takes" "$TMP/tap.err"; then
    [ $rc = 1 ] && ok "--max-frame 16384 on net_tap: refused with the port's limits" ||
        ko "--max-frame 16384 on net_tap: exit $rc" "$TMP/tap.err"
else
    echo "SKIP --max-frame refused by a port: net_tap did not start ($(grep -m1 -i 'tap' "$TMP/tap.err"))"
fi

# --packets on an endless replay, in drop mode, with a report.
run drop "$ONE" "rx_pcap=$TMP/small.pcap,infinite_rx=1" --drop --packets 100000 --report-json "$TMP/drop.json"
rc=$?
if [ $rc = 0 ]; then
    python3 -c "
import json,sys; d=json.load(open(sys.argv[1]))
assert d['mode']=='drop' and d['total']['frames']>=100000 and d['total']['frames_per_s']>0
assert d['workers'][0]['gbit_per_s']>0 and d['duration_s']>0" "$TMP/drop.json" &&
        [ "$(counter messages "$TMP/drop.err")" = 0 ] &&
        ok "--drop --packets stops by itself; report has rates" || ko "--drop report" "$TMP/drop.json"
else
    ko "--drop --packets: exit status $rc" "$TMP/drop.err"
fi

# Bad options: exit 2 with a message.
run badopt "$ONE" "rx_pcap=$TMP/gen.pcap" --burst 0
rc=$?
[ $rc = 2 ] && grep -q "burst" "$TMP/badopt.err" && ok "--burst 0 rejected (exit 2)" || ko "--burst 0: exit $rc" "$TMP/badopt.err"
run toomany "$ONE" "rx_pcap=$TMP/gen.pcap" --workers 2
rc=$?
[ $rc = 1 ] && grep -q "lcores" "$TMP/toomany.err" && ok "--workers beyond the lcores rejected" ||
    ko "--workers 2 on -l 0-1: exit $rc" "$TMP/toomany.err"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
