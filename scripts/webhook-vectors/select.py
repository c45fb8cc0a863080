"""Selects tests/fixtures/node_webhook_verdicts.jsonl from gen.js's output.

Usage: npm install && node gen.js cases.jsonl && python3 select.py cases.jsonl > ../../tests/fixtures/node_webhook_verdicts.jsonl

Kept: headers of at most 300 bytes whose last `t=` reads (as JavaScript's parseInt reads it)
as an integer of at most 2^53, or that have no `t=`. Left out are the inputs where the crate
refuses on purpose what Node accepts: a non-numeric `t` (Node signs "NaN.") and integers
Node cannot hold exactly. Per header, one receive time for each distinct verdict, at most
three; for an acceptance, one at or up to 300 s after the timestamp when there is one.
"""

import json
import re
import sys

# JavaScript's StrWhiteSpaceChar: white space and line terminators, the BOM included.
JS_SPACE = set(
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
SECRET = "whsec_test_secret"
PAYLOAD = (
    '{"id":"evt_test_1","object":"event","type":"checkout.session.completed",'
    '"created":1767225600,"livemode":false,"data":{"object":{"id":"cs_test_1",'
    '"object":"checkout.session"}}}'
)


def timestamp(header):
    """('absent' | 'nan' | 'big' | 'ok', value) for the header's last t=."""
    text = None
    for item in header.split(","):
        parts = item.split("=")
        if parts[0] == "t":
            text = parts[1] if len(parts) > 1 else ""
    if text is None:
        return "absent", None
    text = text.lstrip("".join(JS_SPACE))
    match = re.match(r"[+-]?([0-9]+)", text)
    if not match:
        return "nan", None
    if len(match.group(1).lstrip("0")) > 17 or abs(int(match.group(0))) > 2**53:
        return "big", None
    return "ok", int(match.group(0))


def main(path):
    chosen, order = {}, []
    for line in open(path, encoding="utf-8"):
        case = json.loads(line)
        header = case["header"]
        if len(header.encode()) > 300:
            continue
        kind, t = timestamp(header)
        if kind not in ("ok", "absent"):
            continue
        if header not in chosen:
            chosen[header] = {}
            order.append(header)

        def rank(c):
            return 0 if t is None or 0 <= c["now"] - t <= 300 else 1

        verdicts = chosen[header]
        if case["node"] not in verdicts or rank(case) < rank(verdicts[case["node"]]):
            verdicts[case["node"]] = case
    meta = {
        "recorded_from": "stripe-node 23.1.0 (Node v20.20.2), stripe.webhooks.constructEvent("
        "payload, header, secret, 300, undefined, now * 1000)",
        "generator": "scripts/webhook-vectors/gen.js",
        "selection": "headers of at most 300 bytes whose last t= reads as an integer of at most "
        "2^53 (or is absent); per header, one receive time for each distinct verdict (for an "
        "acceptance, one at or up to 300 s after the timestamp when there is one), at most three",
        "secret": SECRET,
        "payload": PAYLOAD,
        "tolerance_s": 300,
    }
    print(json.dumps(meta, ensure_ascii=False))
    for header in order:
        for case in list(chosen[header].values())[:3]:
            row = {"header": case["header"], "now": case["now"], "node": case["node"]}
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
