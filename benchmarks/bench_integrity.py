"""Integrity benchmark (issue 19): of 228 real units, how many come back wrong *without* a flag.

The units (``integrity_units.json``) are taken from public packages: Django 5.1.4's admin
catalogue (placeholders, HTML inside msgids, plural forms), Sphinx 8.1.3's catalogue
(printf and format placeholders, reST markup) and the Markdown files of markdown-it-py
3.0.0 and pysubs2 1.7.3 (links, code, badges as numbered tags). The embedded model
(Qwen2.5-0.5B, Q4_K_M) translates each into Chinese through the real request layer,
with repair and without it (the first answer only), alternating, on the parallel engine.

Every clean output was read by hand once; the labels (``integrity_labels.json``: unit id
and a hash of the output -> "ok", "wrong (integrity): why" or "wrong (meaning): why") then
let the checks count on later runs. *Wrong but unflagged* counts what a check should have
caught (a placeholder, handle or word lost or left in English, content omitted, a reply
instead of a translation); *mistranslated* counts outputs whose structure is intact but
whose meaning is wrong (`{name} “{object}”` read as "name and object"), which no rule can
see. An output nobody has read yet is reported as *unlabelled* and written to ``--dump``
for reading, never counted as right.

    python3 benchmarks/bench_integrity.py [--runs 1] [--lanes 8] [--dump out.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bayling_desktop.engine.llama import LlamaBackend
from bayling_desktop.languages import resolve
from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded
from bayling_desktop.translation.profiles import profile_for_backend
from bayling_desktop.translation.request import UnitOutcome, UnitRequest, translate_unit

HERE = Path(__file__).resolve().parent
UNITS = HERE / "integrity_units.json"
LABELS = HERE / "integrity_labels.json"


def key(unit_id: str, text: str, output: str) -> str:
    digest = hashlib.sha256(f"{text}\0{output}".encode()).hexdigest()[:16]
    return f"{unit_id}:{digest}"


def run(backend: LlamaBackend, units: list[dict[str, str]], lanes: int,
        repair: bool) -> tuple[float, list[UnitOutcome]]:
    profile = profile_for_backend(backend)
    target, source = resolve("zh"), resolve("en")

    def one(unit: dict[str, str]) -> UnitOutcome:
        return translate_unit(backend, profile, UnitRequest(unit["text"], target, source,
                                                            max_tokens=256), repair=repair)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=lanes) as pool:
        outcomes = list(pool.map(one, units))
    return time.perf_counter() - started, outcomes


def summarise(units: list[dict[str, str]], outcomes: list[UnitOutcome],
              labels: dict[str, str]) -> dict[str, int]:
    counts = {"units": len(units), "clean drafts": 0, "drafts for review": 0, "failed (named)": 0,
              "repaired": 0, "wrong but unflagged": 0, "mistranslated": 0, "unlabelled": 0}
    for unit, outcome in zip(units, outcomes, strict=True):
        if not outcome.ok:
            counts["failed (named)"] += 1
            continue
        counts["repaired"] += outcome.repaired
        if outcome.flags:
            counts["drafts for review"] += 1
            continue
        counts["clean drafts"] += 1
        verdict = labels.get(key(unit["id"], unit["text"], outcome.text))
        if verdict is None:
            counts["unlabelled"] += 1
        elif verdict.startswith("wrong (integrity)"):
            counts["wrong but unflagged"] += 1  # what a check should have caught
        elif verdict != "ok":
            counts["mistranslated"] += 1  # structure intact, meaning wrong: no rule sees it
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--lanes", type=int, default=8)
    parser.add_argument("--limit", type=int, default=0, help="only the first N units")
    parser.add_argument("--dump", type=Path, help="write every output here (to label them)")
    args = parser.parse_args()
    units = json.loads(UNITS.read_text(encoding="utf-8"))
    if args.limit:
        units = units[:args.limit]
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    backend = LlamaBackend(ensure_embedded(QWEN_05B), context_length=2048, parallel=args.lanes)
    times: dict[bool, list[float]] = {True: [], False: []}
    results: dict[bool, list[UnitOutcome]] = {}
    try:
        for _ in range(args.runs):
            for repair in (False, True):  # alternating, the baseline first
                seconds, outcomes = run(backend, units, args.lanes, repair)
                times[repair].append(seconds)
                results[repair] = outcomes
    finally:
        backend.close()
    rows = {repair: summarise(units, results[repair], labels) for repair in (False, True)}
    print(f"{len(units)} units, en→zh, embedded Qwen2.5-0.5B, {args.lanes} lanes, "
          f"medians of {args.runs} run(s)")
    print(f"| | {' | '.join(rows[True])} | wall s |")
    print(f"|---|{'---|' * (len(rows[True]) + 1)}")
    for repair, label in ((False, "first answer only"), (True, "with repair")):
        values = " | ".join(str(v) for v in rows[repair].values())
        print(f"| {label} | {values} | {statistics.median(times[repair]):.1f} |")
    ratio = statistics.median(times[True]) / statistics.median(times[False])
    print(f"wall time with repair / without: {ratio:.2f} (target <= 1.3)")
    for repair in (False, True):
        clean = rows[repair]["clean drafts"]
        wrong = rows[repair]["wrong but unflagged"]
        print(f"{'with' if repair else 'without'} repair: wrong but unflagged "
              f"{wrong}/{len(units)} = {100 * wrong / len(units):.1f} % "
              f"(of {clean} clean drafts; {rows[repair]['unlabelled']} unlabelled)")
    if args.dump:
        dump = [{"key": key(u["id"], u["text"], o.text), "repair": repair, "source": u["text"],
                 "output": o.text, "ok": o.ok, "repaired": o.repaired,
                 "flags": [str(f) for f in o.flags]}
                for repair in (False, True)
                for u, o in zip(units, results[repair], strict=True)]
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
