"""A long PDF: reading and writing time and peak memory (issue 21, item 7).

    python benchmarks/bench_pdf_pages.py [--pages 1000] [--source naacl06-shinyama.pdf]

The source PDF (by default pdfminer.six's two-column NAACL paper, fetched by
``bench_pdf.py`` into the cache) is repeated until the file has ``--pages`` pages. Reading
(``open_document`` with progress, the OCR check of every page included) and writing
(``Document.export`` with a marker translation, one ``译`` per two characters) each run in
a fresh child process, so that each peak resident size (``ru_maxrss``) is that phase's own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = platformdirs.user_cache_path("bayling-desktop", appauthor=False) / "bench-pdf"


def build(source: Path, pages: int, out: Path) -> None:
    import pymupdf

    with pymupdf.open(source) as original, pymupdf.open() as pdf:
        while pdf.page_count < pages:
            last = min(original.page_count, pages - pdf.page_count) - 1
            pdf.insert_pdf(original, to_page=last)
        pdf.save(out, garbage=3, deflate=True)


def phase(kind: str, path: Path, out: Path) -> dict[str, float]:
    """Run in the child: read (and, for "write", export) *path*; time and peak memory."""
    from bayling_desktop.documents import open_document

    seen: list[int] = []
    start = time.perf_counter()
    document = open_document(path, on_progress=lambda done, total: seen.append(done))
    read = time.perf_counter() - start
    result = {"units": len(document.units), "read_s": read, "progress_calls": len(seen)}
    if kind == "write":
        translations = {u.id: "译" * max(1, len(u.source) // 2) for u in document.units}
        start = time.perf_counter()
        document.export(translations, out)
        result["write_s"] = time.perf_counter() - start
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--source", type=Path, default=None)
    parser.add_argument("--phase", choices=("read", "write"), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.file, args.file.with_suffix(".zh.pdf"))))
        return 0
    source = args.source or next(CACHE.rglob("naacl06-shinyama.pdf"), None)
    if source is None:
        print("Run benchmarks/bench_pdf.py once first (it fetches the test PDFs).")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"long-{args.pages}.pdf"
        build(source, args.pages, path)
        for kind in ("read", "write"):
            done = subprocess.run([sys.executable, __file__, "--phase", kind, "--file",
                                   str(path)], capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{kind}: {args.pages} pages, " + ", ".join(
                f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}"
                for k, v in result.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
