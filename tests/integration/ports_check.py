#!/usr/bin/env python3
"""Checks the commercial-port watch of `sigsift scan/run` against a model
written from README.md's description of it, fed with the plain verdict
events of every message (`--all`, in order):

  a port sent a message    MT, sender starts with a port prefix
  harmful                  flagged (alert/block) in a category other than
                           advertising
  ads, ads_no_optout       in the advertising category; without opt-out
                           wording (退订, 退訂, 拒收, or the words TD, STOP,
                           UNSUBSCRIBE not joined to Latin letters; full-width
                           ASCII folded, case ignored)
  optouts                  MO to a port whose text, without white space and
                           punctuation, is exactly TD, T, N, R, 0000, 00000,
                           STOP, UNSUBSCRIBE, 退订, 退訂 or 取消
  warning                  once per port and reason, after the message at
                           which that count reaches the threshold

usage:
  ports_check.py lines PLAIN_ALL.jsonl PORTS N OUT.jsonl [--flagged-only]
      OUT (a run with --port-warn N, with --all or flagged only) is the
      plain events with the model's warning lines after their messages.
  ports_check.py summary PLAIN_ALL.jsonl PORTS N STDERR
      the summary's port table is the model's: top ten in order, counts,
      and the reasons marked.
  ports_check.py reports PLAIN_ALL.jsonl NUMBER OUT.jsonl STDERR [--flagged-only]
      OUT (a run with --report-number NUMBER) is the plain events with
      every MO message to NUMBER, a user's spam report, passed ("verdict"
      pass, "report" true, the rules and categories found kept) and
      written even when only flagged messages are; the summary counts the
      reports and those the rules flag.
  ports_check.py mt_max PLAIN_ALL.jsonl OUT.jsonl
      OUT (a run with --mt-max alert --all) is the plain events with every
      MT message the rules blocked alerted instead (a blocklisted sender
      stays blocked).
PORTS is a comma-separated list of prefixes.
"""
import json
import re
import sys

REASONS = ("harmful", "ads_no_optout", "optouts")
REQUESTS = {"TD", "T", "N", "R", "0000", "00000", "STOP", "UNSUBSCRIBE", "退订", "退訂", "取消"}


def fold(text):
    out = []
    for ch in text:
        c = ord(ch)
        if 0xFF01 <= c <= 0xFF5E:
            c -= 0xFEE0
        elif c == 0x3000:
            c = 0x20
        if ord("a") <= c <= ord("z"):
            c -= 32
        out.append(chr(c))
    return "".join(out)


def offered(text):
    t = fold(text)
    if "退订" in t or "退訂" in t or "拒收" in t:
        return True
    return re.search(r"(?<![A-Z])(TD|STOP|UNSUBSCRIBE)(?![A-Z])", t) is not None


def separator(ch):
    c = ord(ch)
    if c < 0x80:
        return not ch.isalnum()
    return (0x2000 <= c <= 0x206F or 0x3000 <= c <= 0x303F or 0xFE10 <= c <= 0xFE1F
            or 0xFE30 <= c <= 0xFE6F or 0xFF5F <= c <= 0xFF65)


def request(text):
    return "".join(ch for ch in fold(text) if not separator(ch)) in REQUESTS


class Model:
    def __init__(self, prefixes, threshold):
        self.prefixes = prefixes.split(",")
        self.n = threshold
        self.ports = {}

    def is_port(self, number):
        return number is not None and any(number.startswith(p) for p in self.prefixes)

    def entry(self, port):
        return self.ports.setdefault(port, {"messages": 0, "harmful": 0, "ads": 0,
                                            "ads_no_optout": 0, "optouts": 0, "warned": set()})

    def count(self, e):
        """Counts event e; the warning lines it triggers."""
        if e["dir"] == "MT" and self.is_port(e["sender"]):
            p = self.entry(e["sender"])
            p["messages"] += 1
            cats = set(e["categories"])
            if e["verdict"] != "pass" and cats - {"advertising"}:
                p["harmful"] += 1
            if "advertising" in cats:
                p["ads"] += 1
                if not (e["text"] is not None and offered(e["text"])):
                    p["ads_no_optout"] += 1
            port = e["sender"]
        elif (e["dir"] == "MO" and self.is_port(e["recipient"]) and e["text"] is not None
              and request(e["text"])):
            p = self.entry(e["recipient"])
            p["optouts"] += 1
            port = e["recipient"]
        else:
            return []
        out = []
        for r in REASONS:
            if p[r] >= self.n and r not in p["warned"]:
                p["warned"].add(r)
                w = {"ts": e["ts"], "warning": "port", "reason": r, "port": port,
                     "threshold": self.n}
                w.update({k: p[k] for k in ("messages", "harmful", "ads", "ads_no_optout",
                                           "optouts")})
                w["worker"] = e["worker"]
                out.append(w)
        return out


def load(path):
    return [json.loads(x) for x in open(path, encoding="utf-8")]


def fail(msg):
    print("FAIL " + msg)
    sys.exit(1)


def same_lines(got, want):
    """Fails at the first line where got and the model's want differ."""
    for i, (a, b) in enumerate(zip(got, want)):
        if a != b:
            fail(f"line {i + 1}: {a} but the model has {b}")
    if len(got) != len(want):
        fail(f"{len(got)} lines, the model {len(want)}")


def lines(plain_path, prefixes, n, out_path, *flags):
    m = Model(prefixes, int(n))
    want = []
    for e in load(plain_path):
        if "--flagged-only" not in flags or e["verdict"] != "pass":
            want.append(e)
        want.extend(m.count(e))
    got = load(out_path)
    warnings = sum(1 for w in want if "warning" in w)
    if warnings == 0:
        fail("the model expects no warning: the capture does not exercise them")
    same_lines(got, want)
    by = {r: sum(1 for w in want if w.get("reason") == r) for r in REASONS}
    print(f"PASS {len(got)} lines as the model: {warnings} port warnings at threshold {n} "
          f"({', '.join(f'{r} {k}' for r, k in by.items())})")


def key(item):
    port, p = item
    return (-p["harmful"], -p["ads_no_optout"], -p["optouts"], -p["messages"], port)


def summary(plain_path, prefixes, n, stderr_path):
    m = Model(prefixes, int(n))
    for e in load(plain_path):
        m.count(e)
    want = []
    for port, p in sorted(m.ports.items(), key=key)[:10]:
        marks = [r for r in REASONS if int(n) and p[r] >= int(n)]
        want.append([port] + [str(p[k]) for k in ("messages", "harmful", "ads", "ads_no_optout",
                                                  "optouts")] + (["warn:" + ",".join(marks)] if marks else []))
    text = open(stderr_path, encoding="utf-8").read().split("\n")
    at = next((i for i, x in enumerate(text) if x.startswith("commercial ports")), None)
    if at is None:
        fail("no commercial ports in the summary")
    head = f"commercial ports (prefixes {prefixes}; {len(m.ports)} ports, exact counts):"
    if text[at] != head:
        fail(f"summary says {text[at]!r}, the model {head!r}")
    got = [x.split() for x in text[at + 2:at + 2 + len(want)]]
    if got != want:
        fail(f"port table {got} against the model's {want}")
    if not any(p["optouts"] for p in m.ports.values()):
        fail("no opt-out request in the capture: it does not exercise them")
    print(f"PASS summary: {len(m.ports)} ports, the top {len(want)} as the model "
          f"({sum(p['optouts'] for p in m.ports.values())} opt-out requests, "
          f"{sum(p['ads_no_optout'] for p in m.ports.values())} ads without opt-out)")


def reports(plain_path, number, out_path, stderr_path, *flags):
    want, n, flagged = [], 0, 0
    for e in load(plain_path):
        if e["dir"] == "MO" and e["recipient"] == number:
            n += 1
            flagged += e["verdict"] != "pass"
            e = dict(e, verdict="pass", report=True)
        elif "--flagged-only" in flags and e["verdict"] == "pass":
            continue
        want.append(e)
    if n == 0 or flagged == 0:
        fail(f"{n} reports to {number}, {flagged} flagged: the capture does not exercise them")
    got = load(out_path)
    same_lines(got, want)
    line = (f"user spam reports (MO to {number}): {n}, the rules flag {flagged} "
            f"({100.0 * flagged / n:.1f}%)")
    if line not in open(stderr_path, encoding="utf-8").read().split("\n"):
        fail(f"no summary line {line!r}")
    print(f"PASS {len(got)} events as the model: {n} reports to {number} passed and written, "
          f"{flagged} of them flagged by the rules")


def mt_max(plain_path, out_path):
    want, capped = [], 0
    for e in load(plain_path):
        if e["dir"] == "MT" and e["verdict"] == "block" and e["sender_list"] != "blocklist":
            e = dict(e, verdict="alert")
            capped += 1
        want.append(e)
    if capped == 0:
        fail("no MT message blocked by the rules: the capture does not exercise --mt-max")
    got = load(out_path)
    same_lines(got, want)
    print(f"PASS --mt-max alert: {len(got)} events as the model, {capped} MT blocks made alerts")


def main():
    {"lines": lines, "summary": summary, "reports": reports,
     "mt_max": mt_max}[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    main()
