"""Translation-memory lookup at scale (issue 23): time until the first model request.

1. A 20,000-pair memory and a 2,000-unit document none of whose units is remembered
   exactly (every unit is a near miss, the worst case for exact-then-fuzzy lookup).
   Indexed: the memory as the app uses it. Baseline: the same store with its indexes
   ignored (every lookup scans the language pair, as before this change), measured on
   the first units only and scaled to the document (it would take minutes).
2. Resuming a large project: N units, half translated and remembered (so the memory
   holds N/2 pairs), then a fresh store opens it and runs the pipeline; reported: time
   to open the project and time from the pipeline's start to its first request.
   ``--units`` sets N (1,000,000 needs about 2 GB of disk and many minutes to build).

No model: the backend records when it is first asked, then cancels the run.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bayling_desktop.engine.backend import (
    Backend,
    CancelToken,
    Completion,
    GenerationParams,
    GenerationStats,
    Message,
)
from bayling_desktop.storage.projects import Project, ProjectStore
from bayling_desktop.translation.pipeline import PipelineOptions, TranslationPipeline

WORDS = ["parcel", "letter", "invoice", "report", "contract", "sample", "manual", "ticket",
         "chair", "laptop", "printer", "camera", "badge", "key", "river", "garden", "window",
         "station", "market", "bridge", "tower", "street", "office", "school", "harbour",
         "valley", "forest", "meadow", "engine", "signal"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randrange(6, 14))]
    return f"Item {n}: the " + " ".join(words) + f" arrives on day {rng.randrange(365)}."


class FirstRequest(Backend):
    """A backend that notes the moment of its first request and stops the run there."""

    description = "first-request probe"
    format_name = "plain"
    context_length = 4096
    parallel = 1

    def __init__(self, cancel: CancelToken) -> None:
        self.cancel = cancel
        self.asked_at: float | None = None

    def count_tokens(self, messages: Sequence[Message]) -> int:
        return sum(len(m.content.split()) for m in messages)

    def stream(self, messages: Sequence[Message], params: GenerationParams,
               cancel: CancelToken | None = None) -> Completion:
        if self.asked_at is None:
            self.asked_at = time.perf_counter()
        self.cancel.cancel()

        def pieces():  # type: ignore[no-untyped-def]
            yield ""
            return GenerationStats(stop_reason="cancelled")

        return Completion(pieces())

    def close(self) -> None:
        pass


def first_request(project: Project) -> float:
    pipeline = TranslationPipeline(project, lambda: probe, PipelineOptions(context=False))
    probe = FirstRequest(pipeline.cancel_token)
    started = time.perf_counter()
    pipeline.run()
    assert probe.asked_at is not None, "the pipeline never asked the model"
    return probe.asked_at - started


def home(tag: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-memory-{tag}-"))
    os.environ["BAYLING_DESKTOP_HOME"] = str(folder)
    return folder


def memory_case(pairs: int, units: int) -> None:
    rng = random.Random(7)
    home("tm")
    store = ProjectStore()
    remembered = [sentence(rng, n) for n in range(pairs)]
    store.memory.add("en", "zh", [(s, f"译文 {n}") for n, s in enumerate(remembered)])
    # near misses: a remembered sentence with one word changed, never an exact match
    sources = [remembered[n].replace(" the ", " a ", 1) for n in range(units)]
    project = store.open_or_create("doc", Path("doc.txt"), "zh", "en",
                                   [(f"u{n}", s) for n, s in enumerate(sources)])
    indexed = first_request(project)
    sample = 50
    memory = store.memory
    started = time.perf_counter()
    memory._indexed = False  # the scanning lookups of before
    for source in sources[:sample]:
        memory.lookup("en", "zh", source)
        memory.fuzzy("en", "zh", source, limit=1)
    scan = (time.perf_counter() - started) / sample * units
    memory._indexed = True
    started = time.perf_counter()
    for source in sources[:sample]:
        memory.lookup("en", "zh", source)
        memory.fuzzy("en", "zh", source, limit=1)
    per_unit = (time.perf_counter() - started) / sample
    found = memory.fuzzy("en", "zh", sources[0], limit=1)
    store.close()
    print(f"memory {pairs} pairs, {units} units: time to first request {indexed:.2f} s "
          f"(indexed); lookups per unit {per_unit * 1000:.1f} ms indexed vs "
          f"{scan / units * 1000:.0f} ms scanning (≈{scan:.0f} s for the document); "
          f"fuzzy finds the near miss: {bool(found and found[0].score >= 75)}")


def resume_case(units: int) -> None:
    rng = random.Random(11)
    folder = home("resume")
    started = time.perf_counter()
    store = ProjectStore()
    sources = [sentence(rng, n) for n in range(units)]
    project = store.open_or_create("big", folder / "big.txt", "zh", "en",
                                   [(f"u{n}", s) for n, s in enumerate(sources)])
    half = units // 2
    store.memory.add("en", "zh", [(s, f"译文 {n}") for n, s in enumerate(sources[:half])])
    conn = store._conn  # filling a project through set_target takes hours at this size
    conn.execute("BEGIN")
    conn.execute("UPDATE segments SET target = '译文', status = 'draft'"
                 " WHERE project_id = ? AND idx < ?", (project.id, half))
    conn.execute("COMMIT")
    store.close()
    built = time.perf_counter() - started
    started = time.perf_counter()
    store = ProjectStore()
    opened_store = time.perf_counter() - started
    started = time.perf_counter()
    project = store.open("big")
    opened = time.perf_counter() - started
    first = first_request(project)
    store.close()
    size = sum(p.stat().st_size for p in (folder / "data").glob("projects.sqlite3*"))
    print(f"resume {units} units ({half} done and remembered; built in {built:.0f} s, "
          f"{size >> 20} MB): store opened in {opened_store:.2f} s, project in "
          f"{opened:.2f} s, first request {first:.2f} s after the pipeline started")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=20_000)
    parser.add_argument("--doc-units", type=int, default=2_000)
    parser.add_argument("--units", type=int, default=200_000,
                        help="units of the resumed project (1000000 for the full case)")
    args = parser.parse_args()
    memory_case(args.pairs, args.doc_units)
    resume_case(args.units)
    return 0


if __name__ == "__main__":
    sys.exit(main())
