"""Document formats (issues 3, 14): parse + sentence split + rebuild of a long .docx, .srt,
EPUB (300 pages) and .pptx (200 slides).

Each is measured at two sizes to show the cost grows linearly (time ratio ~ size ratio);
target: the large size under 2 s on this machine. Medians of several runs.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import docx
import srt

from bayling_desktop.documents import open_document
from bayling_desktop.documents.segment import join_sentences, split_units

#: a heading and five ~60-word paragraphs: about 330 words, a dense printed page
PARAGRAPHS_PER_PAGE = 6


def make_docx(path: Path, pages: int) -> Path:
    doc = docx.Document()
    for page in range(pages):
        doc.add_heading(f"Chapter {page + 1}", level=2)
        for number in range(PARAGRAPHS_PER_PAGE - 1):
            paragraph = doc.add_paragraph(f"Paragraph {number} of page {page}: cloud computing "
                                          "lets small teams rent servers ")
            paragraph.add_run("by the hour").bold = True
            paragraph.add_run(" instead of buying them outright. Mr. Smith, the CFO, "
                              "says the bill fell by a third in a year. Whether that lasts "
                              "depends on prices, e.g. for storage and traffic.")
    doc.save(str(path))
    return path


def make_srt(path: Path, cues: int) -> Path:
    items = [srt.Subtitle(i + 1, timedelta(seconds=2 * i), timedelta(seconds=2 * i + 1.5),
                          f"Line {i} of the film,\nsecond line. And a third!") for i in range(cues)]
    path.write_text(srt.compose(items), encoding="utf-8")
    return path


def make_epub(path: Path, pages: int) -> Path:
    """A book of *pages* pages: one chapter per 10 pages, six ~55-word paragraphs a page."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.unit.documents.newformats import make_epub as build

    return build(path, chapters=max(1, pages // 10), paragraphs=PARAGRAPHS_PER_PAGE * 10)


def make_pptx(path: Path, slides: int) -> Path:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.unit.documents.newformats import make_pptx as build

    return build(path, slides=slides)


def round_trip(path: Path, out: Path) -> int:
    """Parse, split into sentences, "translate" (a marker), join and rebuild."""
    document = open_document(path)
    sentences = split_units(document.units)
    translated = {u.id: f"⟦{u.source}⟧" for u in sentences}
    document.export(join_sentences(sentences, translated), out)
    assert not document.flagged, "formatting tags did not survive the round trip"
    return len(document.units)


def measure(label: str, make: Callable[[Path, int], Path], sizes: tuple[int, int],
            suffix: str, runs: int = 5) -> None:
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = make(Path(folder) / f"in{size}{suffix}", size)
            out = Path(folder) / f"out{size}{suffix}"
            samples = []
            for _ in range(runs):
                started = time.perf_counter()
                units = round_trip(path, out)
                samples.append(time.perf_counter() - started)
            timings.append(statistics.median(samples))
            print(f"{label} {size:>5} ({units} units): {timings[-1]:.3f} s")
    size_ratio = sizes[1] / sizes[0]
    print(f"{label}: {size_ratio:.0f}x the size took {timings[1] / timings[0]:.2f}x the time "
          f"(linear = {size_ratio:.0f}x); large size {timings[1]:.2f} s "
          f"({'OK' if timings[1] < 2 else 'OVER'} the 2 s target)")


def main() -> int:
    measure("docx pages", make_docx, (75, 300), ".docx")
    measure("srt cues", make_srt, (1250, 5000), ".srt")
    measure("epub pages", make_epub, (75, 300), ".epub")
    measure("pptx slides", make_pptx, (50, 200), ".pptx", runs=3)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
