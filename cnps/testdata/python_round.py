"""Writes python_round.json: stats histograms and what Trustcruit's published
CNPS formula prints for each, run by Python 3 itself.

    python3 cnps/testdata/python_round.py > cnps/testdata/python_round.json

The formula below is the vendor's, as its documentation gives it.
"""
import json
import random


def vendor_cnps(stats):
    demoters = sum(stats.get(n, 0) for n in ["0", "1", "2", "3", "4", "5", "6"])
    promoters = sum(stats.get(n, 0) for n in ["9", "10"])
    total = sum(stats.values())
    if total > 0:
        cnps = round(100 * (promoters - demoters) / total, 0)
        return str(cnps)
    return "CNPS unavailable"


def cases():
    # The documented example.
    yield {"2": 80, "0": 102, "9": 3037, "6": 497, "5": 654, "7": 1497,
           "10": 9337, "1": 81, "8": 3703, "3": 125, "4": 142}
    yield {}
    yield {"7": 0, "8": 0}
    # Exact half-way values (x.5) for small totals, both signs.
    for total in (2, 8, 16, 40):
        for p in range(0, total + 1):
            for d in range(0, total - p + 1):
                if (200 * (p - d)) % total == 0 and (200 * (p - d) // total) % 2 == 1:
                    yield {"10": p, "0": d, "7": total - p - d}
    rnd = random.Random(405)
    # The largest scale keeps the sum of eleven counts within a Go int64.
    for scale in (10, 1000, 10**6, 10**12, 10**16, 10**17):
        for _ in range(300):
            stats = {}
            for r in range(11):
                if rnd.random() < 0.8:
                    stats[str(r)] = rnd.randrange(0, scale)
            yield stats


seen = set()
out = []
for stats in cases():
    key = json.dumps(stats, sort_keys=True)
    if key in seen:
        continue
    seen.add(key)
    out.append({"stats": stats, "prints": vendor_cnps(stats)})
print(json.dumps(out, separators=(',', ':')).replace('},{', '},\n{'))
