"""`python -m bench.category`: how well the checker predicts WhatsApp's category on our corpus.

The corpus (bench/corpus/*.yaml, see its README) comes in waves, each written later than the
last by writers who saw neither the checker nor the earlier waves. Every wave newer than
LAST_MEASURED_WAVE is held aside whole: nothing is tuned or trained on it, and `--show` never
lists it. Its figures are the ones to report; once reported, LAST_MEASURED_WAVE says so, it
joins the development part, and nothing is held aside until the next wave is written.
Positive = MARKETING (any promotional finding); "good blocked" = a UTILITY or AUTHENTICATION
item the provider mode would refuse (any error).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from validator import check
from validator.placeholders import scan, valid
from validator.sources import FIELDS

CORPUS = Path(__file__).resolve().parent / "corpus"
# The newest wave whose held-aside figures were reported: it and every older wave are the
# development part; the newer ones (one wave or several written together) are held aside.
LAST_MEASURED_WAVE = 22
# libyaml's loader when PyYAML has it: the same data, about seven times faster on the corpus.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load() -> list[dict[str, Any]]:
    """Every corpus item, with its language and wave (from the file name) and its part."""
    items = []
    for path in sorted(CORPUS.glob("*.yaml")):
        batch = path.stem.split("-")[0]  # "ru", "en2": language and wave
        for item in yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER):
            items.append({**item, "lang": batch[:2], "wave": int(batch[2:] or 1)})
    for item in items:
        item["part"] = "held" if item["wave"] > LAST_MEASURED_WAVE else "dev"
    return items


def template_of(item: dict[str, Any]) -> dict[str, Any]:
    """The item's template fields; a list of examples for named variables becomes a mapping."""
    template = {k: v for k, v in item.items() if k in FIELDS}
    found = valid(scan(item.get("body", "")))
    names = list(dict.fromkeys(p.name for p in found if p.name and not p.positional))
    if names and isinstance(template.get("examples"), list):
        template["examples"] = dict(zip(names, template["examples"], strict=False))
    return template


def judge(item: dict[str, Any]) -> dict[str, Any]:
    """The checker's verdict on one item (provider mode)."""
    template = template_of(item)
    report = check(template)
    promo = [f for f in report.findings if f.kind == "promotional"]
    return {
        "marketing": str(report.category_hint) == "MARKETING",
        "blocked": not report.ok,
        "rules": sorted({f.rule for f in report.findings if f.severity == "error"}),
        "cue": promo[0].rule if promo else "",
        "category": str(report.category_hint),
    }


def scores(rows: list[tuple[dict, dict]]) -> dict[str, float]:
    """Precision, recall of MARKETING and the share of good templates blocked."""
    tp = sum(1 for i, v in rows if v["marketing"] and i["label"] == "MARKETING")
    fp = sum(1 for i, v in rows if v["marketing"] and i["label"] != "MARKETING")
    fn = sum(1 for i, v in rows if not v["marketing"] and i["label"] == "MARKETING")
    good = [v for i, v in rows if i["label"] != "MARKETING"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    blocked = sum(v["blocked"] for v in good) / len(good) if good else 0.0
    return {"n": len(rows), "P": precision, "R": recall, "F1": f1, "blocked": blocked}


def line(name: str, s: dict[str, float]) -> str:
    """One table row."""
    return (
        f"{name:<24} n={s['n']:<4} precision {s['P']:.3f}  recall {s['R']:.3f}  "
        f"F1 {s['F1']:.3f}  good blocked {s['blocked']:.1%}"
    )


def main() -> None:
    """Judge the corpus and print the figures of each part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("dev", "held", "all"), default="held")
    parser.add_argument("--show", action="store_true", help="list the dev part's misses")
    args = parser.parse_args()
    items = load()
    if args.part == "held" and not any(i["part"] == "held" for i in items):
        parser.exit(
            0,
            f"No wave is held aside: wave {LAST_MEASURED_WAVE} was measured and joined the"
            " development part. Write the next wave (bench/corpus/README.md), or use --part dev.\n",
        )
    rows = [(i, judge(i)) for i in items if args.part in ("all", i["part"])]
    print(f"corpus: {len(items)} items; part: {args.part}, {len(rows)} items")
    print(line("all", scores(rows)))
    for lang in ("ru", "en"):
        print(line(lang, scores([r for r in rows if r[0]["lang"] == lang])))
    for wave in sorted({i["wave"] for i, _ in rows}):
        print(line(f"wave {wave}", scores([r for r in rows if r[0]["wave"] == wave])))
    by_cue: dict[tuple[str, str], list] = defaultdict(list)
    for item, verdict in rows:
        by_cue[(item["label"], item["cue"])].append((item, verdict))
    print("\nper cue class (MARKETING: share caught; others: share judged MARKETING / blocked)")
    for (label, cue), group in sorted(by_cue.items()):
        caught = sum(v["marketing"] for _, v in group)
        blocked = sum(v["blocked"] for _, v in group)
        print(
            f"  {label:<14} {cue:<20} n={len(group):<3} marketing {caught / len(group):.2f}"
            + ("" if label == "MARKETING" else f"  blocked {blocked / len(group):.2f}")
        )
    if args.show and args.part == "dev":
        why = Counter()
        for item, verdict in rows:
            wrong = verdict["marketing"] != (item["label"] == "MARKETING")
            if wrong or (item["label"] != "MARKETING" and verdict["blocked"]):
                why[verdict["cue"] or "-"] += 1
                print(
                    f"\n{item['id']} {item['label']}/{item['cue']} -> {verdict['category']} "
                    f"{verdict['rules']}\n  {item['body']}"
                )
        print("\nmisses by firing rule:", dict(why))


if __name__ == "__main__":
    main()
