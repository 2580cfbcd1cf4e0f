#!/usr/bin/env python3
"""An evasion corpus for siggen (--corpus), so that the end-to-end test
judges texts built to defeat naive matching, not only the default corpus.

    e2e_corpus.py RULES_DIR OUT.tsv [SEED]

For every literal of the library it writes the literal disguised the
ways rules/README.md says normalisation undoes (case, full-width forms,
traditional variants, circled digits and letters, spaces, punctuation,
zero-width and other removed characters between letters, emoji), inside
a sentence; and a near miss (one character of the literal dropped). It
adds hand-written texts for the regex and combination rules, disguised
the same way. Whether each line is flagged is left to the oracle
(e2e_oracle.py); this file only makes texts.
"""
import random
import sys

import e2e_oracle

# Removed by normalisation (README table): inserted between characters.
NOISE = [" ", "  ", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u3000", "·", "-", "*",
         ".", "_", "、", "。", "【", "】", "…", "\u2014", "★", "☎", "😀", "🎁", "\ufe0f", "«",
         "\u00ad", "\u180e", "\u2003", "\u0301", "'", "/"]
CIRCLED_DIGIT = {str(d): [chr(0x2460 + d - 1), chr(0x2776 + d - 1), chr(0x278A + d - 1)]
                 for d in range(1, 10)}
CIRCLED_DIGIT["0"] = ["\u24ea"]

PREFIX = ["", "您好，", "【通知】", "Hi, ", "尊敬的客户：", "FYI ", "重要提醒！"]
SUFFIX = ["", "。", "，详询客服。", " Thanks.", "！！", " 退订请忽略", " bye"]

REGEX_TEXTS = [
    "恭喜您在本次活动中奖5000元，请尽快领取",
    "恭喜你被我们的系统抽中获得大奖",
    "您的快递理赔赔偿300元已到账",
    "无抵押贷款50万当天放款",
    "You've won 1000 USD, claim now",
    "YOU WON 25 POUNDS!!",
    "首存100送50，返水1.5个点",
    "返水3点天天有",
    "特码今晚必中，生肖包中",
    "日赚5000不是梦",
    "代开正规发票，发票3个点",
    "出售银行卡身份证",
    "办各类证件文凭",
    "bit.ly/abc123 点击查看",
    "加微信 abc12345 领红包",
    "加v信：wx88888",
    "如有疑问请致电13812345678",
    "icbc-vip.top 登录",
    "apple-id-verify.top",
    "paypal secure login.xyz",
    "同城交友，寂寞女孩",
    "约妹子上门包夜",
    "快餐300包夜800",
    "满100减20，仅需9元，8折起",
    "三折优惠，回复TD退订",
    "退订回复T",
    "100元优惠券限时领",
    "【工商银行】您的账户已冻结，请登录 https://icbc-safe.cc 处理",
    "【建行】账户异常，www.ccb-help.top",
    "登录 https://acct-check.example 验证您的身份",
    "请在 www.account-fix.example 完成认证",
    "贷款12千",
    "中奖99元",
]


def disguise(text, pairs_rev, rnd, level):
    out = []
    for ch in text:
        r = rnd.random()
        if "a" <= ch.lower() <= "z" and ch.isascii():
            if r < 0.25:
                ch = chr(ord(ch.upper()) + 0xFEE0)
            elif r < 0.3:
                ch = chr(0x24B6 + ord(ch.lower()) - ord("a"))
            elif r < 0.65:
                ch = ch.upper()
            elif r < 0.7 and ch.lower() in pairs_rev:
                ch = rnd.choice(pairs_rev[ch.lower()])
        elif ch.isdigit() and ch.isascii():
            if r < 0.3:
                ch = chr(ord(ch) + 0xFEE0)
            elif r < 0.5:
                ch = rnd.choice(CIRCLED_DIGIT[ch])
        elif ch in pairs_rev and r < 0.6:
            ch = rnd.choice(pairs_rev[ch])
        out.append(ch)
        if rnd.random() < level:
            out.append(rnd.choice(NOISE))
    return "".join(out)


def near_miss(text, rnd):
    if len(text) < 3:
        return text + text
    i = rnd.randrange(1, len(text) - 1)
    return text[:i] + text[i + 1:]


def main():
    rules_dir, out_path = sys.argv[1], sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    pairs = e2e_oracle.variant_pairs(rules_dir + "/README.md")
    pairs_rev = {}
    for variant, plain in pairs.items():
        pairs_rev.setdefault(plain, []).append(variant)
    lines = []
    for r in e2e_oracle.load_rules([rules_dir]):
        if r.kind != "literal":
            continue
        for level in (0.0, 0.3, 0.8):
            body = disguise(r.pattern, pairs_rev, rnd, level)
            lines.append(("spam", rnd.choice(PREFIX) + body + rnd.choice(SUFFIX)))
        lines.append(("ham", rnd.choice(PREFIX) + near_miss(r.pattern, rnd) + rnd.choice(SUFFIX)))
    for t in REGEX_TEXTS:
        lines.append(("spam", t))
        lines.append(("spam", disguise(t, pairs_rev, rnd, 0.3)))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# e2e evasion corpus, written by tests/integration/e2e_corpus.py\n")
        for label, text in lines:
            f.write("%s\t%s\n" % (label, text.replace("\t", " ").replace("\n", " ")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
