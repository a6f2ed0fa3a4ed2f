"""Translation pipeline benchmarks (issues 4 and 10), each against a baseline measured in this run.

1. Memory: a 20-segment document whose segments repeat 30 % of the time. Naive: every
   segment goes to the model. Pipeline: exact memory matches and repeats are reused.
2. Real sentences: 48 English messages of Sphinx's zh_CN catalogue (sphinx.po, BSD,
   from the sphinx wheel on PyPI; its human translations are the references). Naive:
   one fresh chat request per sentence (same model, greedy, the same instruction). The
   pipeline: append-only context windows, checks and retries, at N=1 and at N lanes.
   Reported: wall time ratio, the share of units in the target language (the
   pipeline's own checks judge both), and chrF (sacrebleu) against the references.
3. Revision: time to first token of a 10-turn revision thread with the conversation
   state kept vs the same prompts from a cold cache (target ratio <= 0.2).

Medians over alternating runs; the machine is noisy.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bayling_desktop.documents import open_document
from bayling_desktop.engine.backend import Backend, GenerationParams, Message
from bayling_desktop.engine.llama import LlamaBackend
from bayling_desktop.languages import resolve
from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded
from bayling_desktop.storage.projects import Project, ProjectStore
from bayling_desktop.translation.pipeline import PipelineOptions, PipelineReport, translate
from bayling_desktop.translation.profiles import profile_for_backend
from bayling_desktop.translation.qa import check_translation
from bayling_desktop.translation.request import clean_translation
from bayling_desktop.translation.revision import RevisionThread

UNIQUE = [f"Item {n}: the {w} arrives on {d}." for n, (w, d) in enumerate(zip(
    ["parcel", "letter", "invoice", "report", "contract", "sample", "manual", "ticket",
     "chair", "laptop", "printer", "camera", "badge", "key"],
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] * 3, strict=False), start=1)]
SEGMENTS = [*UNIQUE[:5], UNIQUE[0], *UNIQUE[5:9], UNIQUE[2], UNIQUE[6], *UNIQUE[9:12],
            UNIQUE[4], UNIQUE[8], *UNIQUE[12:], UNIQUE[10]]
MAX_TOKENS = 64
SPHINX = "sphinx==8.1.3"
PO_PATH = "sphinx/locale/zh_CN/LC_MESSAGES/sphinx.po"
INSTRUCTIONS = ["Use a more formal tone.", "Make it shorter.", "Use simpler words.",
                "Keep the numbers as digits.", "Make it sound friendlier.",
                "Use the word 客户 for customer.", "Make it more formal again.",
                "Avoid repeating words.", "Use shorter sentences.", "Make it polite."]


def fresh_project(name: str, lines: list[str]) -> Project:
    home = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    os.environ["BAYLING_DESKTOP_HOME"] = str(home)
    path = home / f"{name}.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return ProjectStore(home / "projects.sqlite3").create(open_document(path), "en", "zh")


def reference_pairs(count: int = 48) -> list[tuple[str, str]]:
    """English messages and their human Chinese translations from Sphinx's catalogue."""
    import polib

    cache = Path(tempfile.gettempdir()) / "bayling-bench-sphinx"
    po = cache / PO_PATH
    if not po.exists():
        cache.mkdir(exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", SPHINX,
                        "-d", str(cache)], check=True)
        wheel = next(cache.glob("sphinx-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            archive.extract(PO_PATH, cache)
    entries = [e for e in polib.pofile(str(po)) if e.msgstr and not e.fuzzy
               and not e.msgid_plural and 25 <= len(e.msgid) <= 120
               and not re.search(r"[%{}\"'`]|\.\.\.|\n", e.msgid)
               and re.search(r"[a-z]{3} [a-z]{3}", e.msgid)]
    step = max(1, len(entries) // count)
    return [(e.msgid, e.msgstr) for e in entries[::step][:count]]


def naive_run(backend: Backend, lines: list[str]) -> tuple[float, list[str]]:
    """One fresh chat request per sentence: the same instruction, nothing else."""
    profile = profile_for_backend(backend)
    zh, en = resolve("zh"), resolve("en")
    started = time.perf_counter()
    outputs = []
    for line in lines:
        completion = backend.stream(profile.translation_messages(line, zh, en),
                                    GenerationParams.for_translation(MAX_TOKENS))
        outputs.append(clean_translation(completion.run(), line))
    return time.perf_counter() - started, outputs


def pipeline_run(backend: Backend, lines: list[str], parallel: int
                 ) -> tuple[float, list[str], PipelineReport]:
    project = fresh_project("pipeline", lines)
    started = time.perf_counter()
    report = translate(project, backend, PipelineOptions(max_tokens=MAX_TOKENS,
                                                         parallel=parallel))
    seconds = time.perf_counter() - started
    outputs = [s.target for s in project.segments]
    project.store.close()
    return seconds, outputs, report


def in_target(lines: list[str], outputs: list[str]) -> float:
    good = sum(bool(out.strip()) and not any(f.blocking for f in check_translation(
        line, out, "zh", source_lang="en")) for line, out in zip(lines, outputs, strict=True))
    return good / len(lines)


def chrf(outputs: list[str], references: list[str]) -> float:
    import sacrebleu

    return float(sacrebleu.corpus_chrf(outputs, [references]).score)


def memory_part(backend: LlamaBackend, runs: int, lanes: int) -> None:
    naive: list[float] = []
    cached: dict[int, list[float]] = {1: [], lanes: []}
    for _ in range(runs):
        backend.reset_cache()
        naive.append(naive_run(backend, SEGMENTS)[0])
        for n in cached:
            backend.reset_cache()
            project = fresh_project("tm", SEGMENTS)
            started = time.perf_counter()
            report = translate(project, backend, PipelineOptions(max_tokens=MAX_TOKENS,
                                                                 parallel=n))
            cached[n].append(time.perf_counter() - started)
            assert report.repeats + report.from_memory == len(SEGMENTS) - len(UNIQUE), report
            project.store.close()
    parts = []
    for n, times in cached.items():
        ratio = statistics.median(c / b for c, b in zip(times, naive, strict=True))
        parts.append(f"N={n} {statistics.median(times):.2f} s (ratio {ratio:.2f})")
    print(f"1. 20 segments, 30 % repeated: naive {statistics.median(naive):.2f} s; pipeline "
          f"(repeats reused, with context) {', '.join(parts)} (target <= 0.7)", flush=True)


def sentences_part(backend: LlamaBackend, runs: int, lanes: int) -> None:
    pairs = reference_pairs()
    lines, references = [p[0] for p in pairs], [p[1] for p in pairs]
    rows: dict[str, list[tuple[float, list[str]]]] = {"naive": [], "1": [], str(lanes): []}
    prompt_tokens: dict[str, int] = {}
    for _ in range(runs):
        backend.reset_cache()
        rows["naive"].append(naive_run(backend, lines))
        for n in (1, lanes):
            backend.reset_cache()
            seconds, outputs, report = pipeline_run(backend, lines, n)
            rows[str(n)].append((seconds, outputs))
            prompt_tokens[str(n)] = report.evaluated_prompt_tokens
    naive_time = statistics.median(t for t, _o in rows["naive"])
    naive_out = rows["naive"][-1][1]
    print(f"2. {len(lines)} real sentences (Sphinx zh_CN catalogue), en→zh, embedded model:")
    print(f"   naive loop: {naive_time:.1f} s, in Chinese {in_target(lines, naive_out):.0%}, "
          f"chrF {chrf(naive_out, references):.1f}")
    for n in ("1", str(lanes)):
        times = [t for t, _o in rows[n]]
        ratios = [t / naive for (t, _o), (naive, _n) in zip(rows[n], rows["naive"],
                                                             strict=True)]
        out = rows[n][-1][1]
        print(f"   pipeline N={n}: {statistics.median(times):.1f} s, ratio "
              f"{statistics.median(ratios):.2f}, in Chinese or flagged 100 %, in Chinese "
              f"{in_target(lines, out):.0%}, chrF {chrf(out, references):.1f}, evaluated "
              f"prompt tokens {prompt_tokens[n]}", flush=True)


def revision_part(backend: LlamaBackend) -> None:
    source = " ".join(f"Paragraph {n}: the committee reviewed the budget for project {n}, "
                      f"approved {n * 3} new positions and asked the team to report by "
                      f"week {n + 2}." for n in range(1, 23))
    target = "".join(f"第{n}段：委员会审查了项目{n}的预算，批准了{n * 3}个新职位，并要求团队在"
                     f"第{n + 2}周前汇报。" for n in range(1, 23))
    project = fresh_project("revision", [source])
    project.set_target(0, target, "draft", "model")
    thread = RevisionThread(project, 0, profile=profile_for_backend(backend))
    backend.reset_cache()
    backend.stream([*thread.start(), Message("user", "OK")],
                   GenerationParams.for_translation(1)).run()
    warm, cold = [], []
    prompt_tokens = 0
    for instruction in INSTRUCTIONS:
        messages = thread.request(instruction)
        revision = thread.revise(backend, instruction, max_tokens=16)
        warm.append(revision.stats.time_to_first_token)
        prompt_tokens = revision.stats.prompt_tokens
        backend.reset_cache()
        completion = backend.stream(messages, GenerationParams.for_translation(1))
        completion.run()
        assert completion.stats is not None
        cold.append(completion.stats.time_to_first_token)
        backend.stream([*messages, Message("assistant", revision.text)],
                       GenerationParams.for_translation(1)).run()
    project.store.close()
    ratios = [w / c for w, c in zip(warm, cold, strict=True)]
    print(f"3. 10-turn revision thread, last prompt {prompt_tokens} tokens: TTFT warm median "
          f"{statistics.median(warm) * 1000:.0f} ms, cold {statistics.median(cold) * 1000:.0f}"
          f" ms; ratio median {statistics.median(ratios):.3f} (target <= 0.2)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lanes", type=int, default=16)
    parser.add_argument("--parts", default="123")
    args = parser.parse_args()
    backend = LlamaBackend(ensure_embedded(QWEN_05B), context_length=2048,
                           parallel=args.lanes)
    try:
        if "1" in args.parts:
            memory_part(backend, args.runs, args.lanes)
        if "2" in args.parts:
            sentences_part(backend, args.runs, args.lanes)
        if "3" in args.parts:
            revision_part(backend)
    finally:
        backend.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
