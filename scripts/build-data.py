#!/usr/bin/env python3
"""Build crates/yunce-data/data/*.csv from the shared fact base.

Usage: python3 scripts/build-data.py [--facts DIR] [--check]

Reads ../shared/data/facts (relative to the repo root), keeps every row's id and
source_id, and writes normalised CSV files that the data crate embeds. The output
is deterministic, so running it twice changes nothing (idempotent). With --check it
writes nothing and exits 1 when the shipped files differ from what it would write.

Normalisations (each adds columns, never drops or edits a fact):
* market_share.csv: `vendor_slug` (alibaba, huawei, ..., top3/top4/top5 for combined rows).
* ai_accelerators.csv, export_controls.csv, outages.csv: `origin` (seed / external /
  seed+external from the source ids) and an empty `quote_zh`, so every record has them.
* inconsistencies.csv: `affected_ids`, the row ids an issue is about (curated below,
  plus every row whose note cites the issue id).
* SOURCES.md -> sources.csv; five_battles.json -> battles.csv + article.csv.

data/zh/ holds hand-written Chinese text keyed by row id; this script never writes,
checks or deletes it (the data crate's tests keep it in step with the fact base).
"""
import csv
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates" / "yunce-data" / "data"

PLAIN = [
    "alibaba_financials.csv", "compute_capacity.csv", "compute_plan_targets.csv",
    "events.csv", "market_context.csv", "market_size.csv", "seed_facts_index.csv",
    # Sourced defaults of the planner and stability labs, and the battles two years on.
    "planner_params.csv", "reliability_params.csv", "outcomes.csv",
]
ADD_ORIGIN = ["ai_accelerators.csv", "export_controls.csv", "outages.csv"]

# Longest match first, so "China Mobile" never falls through to a shorter name.
VENDOR_SLUGS = [
    ("Alibaba Cloud", "alibaba"), ("Huawei Cloud", "huawei"), ("Tencent Cloud", "tencent"),
    ("Baidu AI Cloud", "baidu"), ("China Telecom (Tianyi Cloud)", "tianyi"),
    ("China Mobile (Mobile Cloud)", "china-mobile"), ("AWS", "aws"),
    ("Microsoft", "microsoft"), ("Google", "google"), ("Kingsoft", "kingsoft"),
    ("Others", "others"),
]

# Row ids each inconsistency is about. The fact base names only files in `where`;
# the app needs row ids to link a figure to its caveat.
AFFECTED = {
    "IC-001": ["MC-005", "MC-006"],
    "IC-002": ["MS-088"],
    "IC-003": ["MS-061", "MS-087"],
    "IC-004": ["FIN-027", "FIN-020"],
    "IC-005": ["FIN-023", "FIN-025", "FIN-012", "FIN-014", "FIN-015"],
    "IC-006": ["FIN-024", "FIN-026", "FIN-027", "FIN-021"],
    "IC-007": ["SZ-022", "SZ-055", "SZ-048"],
    "IC-008": ["PT-004", "PT-005", "PT-006", "CC-008", "CC-014", "CC-018"],
    "IC-009": ["EV-023"],
    "IC-010": ["MC-009", "MC-010", "MC-011"],
    "IC-011": ["MS-019", "MS-021"],
    "IC-012": ["SZ-060"],
    "IC-013": ["OUT-002"],
    "IC-014": ["OUT-001"],
    "IC-015": ["AC-003", "AC-005"],
    "IC-016": ["AC-008"],
    "IC-017": ["AC-009"],
    "IC-018": ["MC-005", "MC-008"],
    "IC-019": ["SZ-085", "SZ-069", "SZ-074"],
    "IC-020": ["EV-026", "PT-001"],
    "IC-021": ["SZ-051", "SZ-052"],
    "IC-022": ["FIN-034", "FIN-038", "FIN-041", "FIN-045"],
}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def to_csv(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def vendor_slug(name):
    m = re.match(r"Top(\d) combined", name)
    if m:
        return "top" + m.group(1)
    for prefix, slug in VENDOR_SLUGS:
        if name.startswith(prefix):
            return slug
    raise SystemExit(f"market_share.csv: no slug for vendor {name!r}; add it to VENDOR_SLUGS")


def origin_of(source_ids):
    ids = [s.strip() for s in source_ids.split(";") if s.strip()]
    if ids == ["S000"]:
        return "seed"
    return "seed+external" if "S000" in ids else "external"


def market_share(facts):
    header, rows = read_csv(facts / "market_share.csv")
    v = header.index("vendor")
    return to_csv(header[: v + 1] + ["vendor_slug"] + header[v + 1 :],
                  [r[: v + 1] + [vendor_slug(r[v])] + r[v + 1 :] for r in rows])


def with_origin(facts, name):
    header, rows = read_csv(facts / name)
    s = header.index("source_id")
    return to_csv(header + ["origin", "quote_zh"], [r + [origin_of(r[s]), ""] for r in rows])


def all_row_notes(facts):
    """(row id, note) for every fact row, used to pick up 'See IC-0xx' references."""
    out = []
    for path in sorted(facts.glob("*.csv")):
        if path.name == "inconsistencies.csv":
            continue
        header, rows = read_csv(path)
        if "note" not in header:
            continue
        n = header.index("note")
        out += [(r[0], r[n]) for r in rows]
    return out


def inconsistencies(facts):
    header, rows = read_csv(facts / "inconsistencies.csv")
    notes = all_row_notes(facts)
    out = []
    for r in rows:
        ids = list(AFFECTED.get(r[0], []))
        ids += [rid for rid, note in notes if r[0] in note and rid not in ids]
        out.append(r + [";".join(ids)])
    return to_csv(header + ["affected_ids"], out)


def sources(facts):
    text = (facts / "SOURCES.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not re.match(r"^\| S\d{3} \|", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) != 7:
            raise SystemExit(f"SOURCES.md: expected 7 cells, got {len(cells)}: {line[:60]}")
        rows.append(cells)
    return to_csv(["id", "outlet", "title", "date", "url", "reliability", "used"], rows)


def battles(facts):
    data = json.loads((facts / "five_battles.json").read_text(encoding="utf-8"))
    a = data["article"]
    article = to_csv(
        ["kind", "n", "title_zh", "title_en", "summary_en", "outlet", "published", "author",
         "editor", "source_id"],
        [["article", "", a["title_zh"], a["title_en"], "", a["outlet"], a["published"],
          a["author"], a["editor"], a["source_id"]]]
        + [["section", str(s["n"]), s["title_zh"], "", s["summary_en"], "", "", "", "",
            a["source_id"]] for s in a["sections"]],
    )
    # key_figures may contain ';', so they are joined by newlines (quoted by the writer).
    battle_rows = [[b["id"], str(b["n"]), b["title_zh"], b["title_en"], b["summary_en"],
                    "\n".join(b["key_figures"]), ";".join(b["related_rows"]), a["source_id"]]
                   for b in data["battles"]]
    return article, to_csv(["id", "n", "title_zh", "title_en", "summary_en", "key_figures",
                            "related_files", "source_id"], battle_rows)


def build(facts):
    out = {}
    for name in PLAIN:
        header, rows = read_csv(facts / name)
        out[name] = to_csv(header, rows)
    for name in ADD_ORIGIN:
        out[name] = with_origin(facts, name)
    out["market_share.csv"] = market_share(facts)
    out["inconsistencies.csv"] = inconsistencies(facts)
    out["sources.csv"] = sources(facts)
    out["article.csv"], out["battles.csv"] = battles(facts)
    return out


def main(argv):
    facts = (ROOT / ".." / "shared" / "data" / "facts").resolve()
    if "--facts" in argv:
        facts = Path(argv[argv.index("--facts") + 1]).resolve()
    if not facts.is_dir():
        raise SystemExit(f"fact base not found at {facts}")
    files = build(facts)
    if "--check" in argv:
        stale = [n for n, t in sorted(files.items())
                 if not (OUT / n).exists() or (OUT / n).read_text(encoding="utf-8") != t]
        for n in stale:
            print(f"out of date: {n}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(files.items()):
        path = OUT / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
