"""Open, translate and re-open real documents the way a user brings them, and report what broke.

Usage::

    python scripts/document_sweep.py FOLDER_OR_SDIST... [--json report.json] [--limit N]

Every file with a supported extension under the given folders (or inside the given
``.tar.gz`` sdists, e.g. from ``pip download --no-deps --no-binary :all: python-docx``) is
opened with :func:`bayling_desktop.documents.open_document` and checked:

* a refusal is one human sentence (a ``DocumentError``), any other exception is a failure;
* a *marked* export (every word of every unit wrapped in ‹…›, tags kept) re-opens, keeps
  every unit's tags, and leaves no visible text unmarked, measured from the output file
  itself with a reader that is not ours where one exists (polib, markdown-it, lxml.html,
  srt); units the export flagged are reported, not counted as silent losses;
* an identity export (every unit translated to its own source) reproduces the file byte
  for byte, or at least gives back the same units ("semantic").

Nothing is written outside a temporary folder. Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bayling_desktop.documents import Document, open_document, supported_extensions  # noqa: E402
from bayling_desktop.documents.alttext import worth_translating  # noqa: E402
from bayling_desktop.documents.protect import _PATTERN as PROTECTED  # noqa: E402
from bayling_desktop.documents.protect import protect, restore  # noqa: E402
from bayling_desktop.documents.tags import strip_tags, tag_names  # noqa: E402
from bayling_desktop.errors import BaylingError  # noqa: E402
from tests.unit.documents.coverage import mark, visible_text  # noqa: E402

_MARKED = re.compile(r"‹[^‹›]*›")
#: what counts as text a translator expects translated: at least one letter
_WORDY = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass
class Result:
    path: str
    suffix: str
    status: str = "ok"  # ok | refused | failed
    units: int = 0
    refusal: str = ""
    problems: list[str] = field(default_factory=list)
    left_behind: list[str] = field(default_factory=list)
    flagged: int = 0
    identity: str = ""  # bytes | semantic | differs


def translate(tagged: str) -> str:
    """The marker translator as the real pipeline calls a model: protected spans (code,
    URLs, placeholders) are swapped for void tags first and put back after."""
    protected, spans = protect(tagged)
    return restore(mark(protected), spans)[0]


def _unmarked(texts: list[str]) -> list[str]:
    """Texts with a word neither marked nor protected (code, URL, placeholder)."""
    return [t for t in texts if _WORDY.search(PROTECTED.sub("", _MARKED.sub(" ", t)))]


def _html_text(data: bytes) -> list[str]:
    """Visible text nodes of an HTML page (lxml.html, not our reader)."""
    import lxml.html

    skip = {"script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "svg",
            "math", "noscript", "template", "head"}
    try:  # lxml.html assumes Latin-1 for bytes without a declared charset
        root = lxml.html.document_fromstring(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        root = lxml.html.document_fromstring(data)
    out = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        hidden = any(a.tag in skip for a in element.iterancestors()) or element.tag in skip
        if element.tag == "title":
            hidden = False
        if not hidden and element.text:
            out.append(element.text)
        if not hidden and element.tag in ("img", "area") and worth_translating(
                element.get("alt")):
            out.append(element.get("alt"))
        parent = element.getparent()
        if element.tail and parent is not None and not (
                parent.tag in skip and parent.tag != "title") and not any(
                a.tag in skip for a in parent.iterancestors()):
            out.append(element.tail)
    return out


def _markdown_text(path: Path) -> list[str]:
    from markdown_it import MarkdownIt

    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter is not prose
    html = MarkdownIt("commonmark").enable("table").render(text)
    return _html_text(f"<html><body>{html}</body></html>".encode()) if html.strip() else []


def _po_text(path: Path) -> list[str]:
    import polib

    out = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or not entry.msgid:
            continue
        out += list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    return [strip_tags(t) or "(empty msgstr)" for t in out]


def _cue_text(path: Path) -> list[str]:
    """The cue text a player shows, read by webvtt-py or srt (not our reader), in the
    file's own encoding (a cp1252 or UTF-16 subtitle stays so)."""
    import srt
    import webvtt

    from bayling_desktop.documents.encoding import decode

    text = decode(path.read_bytes(), path.name)[0].replace("\r\n", "\n")
    if path.suffix.lower() == ".vtt":
        contents = [caption.raw_text for caption in webvtt.from_string(text).captions]
    else:
        contents = [cue.content for cue in srt.parse(text)]
    # markup (<i>, {\an8}, karaoke times) is not text
    return [re.sub(r"\{\\[^{}]*\}|</?[A-Za-z][^<>]*>|<\d\d:[\d:.]+>", "", line)
            for content in contents for line in content.split("\n")]


def _ass_text(path: Path) -> list[str]:
    """The dialogue an .ass/.ssa player shows: the last Format field, overrides removed."""
    out, fields, events = [], 10, False
    from bayling_desktop.documents.encoding import decode

    for line in decode(path.read_bytes(), path.name)[0].splitlines():
        if line.strip().startswith("["):
            events = line.strip().lower() == "[events]"
        elif events and line.lower().startswith("format:"):
            fields = len(line.split(","))
        elif events and line.lower().startswith("dialogue:"):
            text = line.split(":", 1)[1].split(",", fields - 1)[-1]
            out += re.sub(r"\{[^{}]*\}", "", text).split("\\N")
    return out


def _xml_targets(path: Path, local: str) -> list[str]:
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    return ["".join(t for t in e.itertext()) for e in root.iter()
            if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] == local]


def _tmx_text(path: Path, document: Document) -> list[str]:
    from lxml import etree

    language = getattr(document, "target_language", "")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    root = etree.parse(str(path)).getroot()
    return ["".join(s.itertext()) for tuv in root.iter("tuv")
            if (tuv.get(lang) or tuv.get("lang") or "").lower() == language.lower()
            for s in tuv.iter("seg")]


def visible(path: Path, document: Document) -> list[str]:
    """The text of the exported *path* a reader would see, by the format's own reader."""
    suffix = path.suffix.lower()
    if suffix in (".docx", ".pptx", ".odt", ".xlsx", ".epub"):
        return visible_text(path)
    if suffix in (".html", ".htm"):
        return _html_text(path.read_bytes())
    if suffix in (".md", ".markdown"):
        return _markdown_text(path)
    if suffix in (".po", ".pot"):
        return _po_text(path)
    if suffix in (".srt", ".vtt"):
        return _cue_text(path)
    if suffix in (".ass", ".ssa"):
        return _ass_text(path)
    if suffix in (".xlf", ".xliff"):
        return _xml_targets(path, "target")
    if suffix == ".tmx":
        return _tmx_text(path, document)
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def _one_sentence(message: str) -> bool:
    return bool(message) and "\n" not in message and "Traceback" not in message and (
        message.rstrip().endswith((".", "?", "!", ")")))


def check(path: Path, scratch: Path) -> Result:
    result = Result(str(path), path.suffix.lower())
    try:
        document = open_document(path)
    except BaylingError as exc:
        result.status, result.refusal = "refused", str(exc)
        if not _one_sentence(str(exc)):
            result.status = "failed"
            result.problems.append(f"refusal is not one sentence: {exc!r}")
        return result
    except Exception:  # a traceback is the failure being looked for
        result.status = "failed"
        result.problems.append("open: " + traceback.format_exc(limit=3).strip())
        return result
    result.units = len(document.units)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("marked export", lambda: _marked(document, path, scratch, result)),
        ("identity export", lambda: _identity(document, path, scratch, result)),
    ]
    for name, step in steps:
        try:
            step()
        except BaylingError as exc:
            result.problems.append(f"{name} refused: {exc}")
        except Exception:
            result.problems.append(f"{name}: " + traceback.format_exc(limit=3).strip())
    if result.problems or result.left_behind:
        result.status = "failed"
    return result


def _marked(document: Document, path: Path, scratch: Path, result: Result) -> None:
    out = scratch / f"marked{_written_as(document, path)}"
    document.export({u.id: translate(u.source) for u in document.units}, out)
    result.flagged = len(document.flagged)
    again = open_document(out)
    if len(again.units) != len(document.units):
        result.problems.append(f"re-opened with {len(again.units)} units, not "
                               f"{len(document.units)}")
    else:
        for before, after in zip(document.units, again.units, strict=True):
            if sorted(tag_names(before.source)) != sorted(tag_names(after.source)):
                result.problems.append(f"tags changed in {before.id}: {before.source[:60]!r}"
                                       f" -> {after.source[:60]!r}")
                break
    missed = _unmarked(visible(out, document))
    if missed and not document.flagged:
        result.left_behind = [m.strip()[:80] for m in missed[:8]]


def _written_as(document: Document, path: Path) -> str:
    """The extension an export is written with (a PDF's translation is a .docx)."""
    return document.export_formats[0] if document.export_formats else path.suffix


def _identity(document: Document, path: Path, scratch: Path, result: Result) -> None:
    out = scratch / f"same{_written_as(document, path)}"
    document.export({u.id: u.source for u in document.units}, out)
    if out.suffix == path.suffix and out.read_bytes() == path.read_bytes():
        result.identity = "bytes"
        return
    again = open_document(out)
    if [u.source for u in again.units] == [u.source for u in document.units]:
        result.identity = "semantic"
    else:
        result.identity = "differs"
        result.problems.append("identity export changed the units")


def candidates(sources: list[Path], scratch: Path) -> Iterator[Path]:
    wanted = set(supported_extensions())
    for source in sources:
        if source.is_file() and source.name.endswith(".tar.gz"):
            target = scratch / "unpacked" / source.name[:-7]
            with tarfile.open(source) as tar:
                members = [m for m in tar.getmembers()
                           if m.isfile() and Path(m.name).suffix.lower() in wanted]
                tar.extractall(target, members=members, filter="data")
            source = target
        files = [source] if source.is_file() else sorted(source.rglob("*"))
        yield from (f for f in files if f.is_file() and f.suffix.lower() in wanted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, default=None, help="write every result here")
    parser.add_argument("--limit", type=int, default=0, help="at most N files per extension")
    parser.add_argument("--quiet", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    results: list[Result] = []
    per_suffix: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for path in candidates(args.sources, scratch):
            suffix = path.suffix.lower()
            if args.limit and per_suffix[suffix] >= args.limit:
                continue
            per_suffix[suffix] += 1
            work = scratch / f"w{len(results)}"
            work.mkdir()
            result = check(path, work)
            results.append(result)
            if result.status == "failed" and not args.quiet:
                print(f"FAIL {path}", *result.problems, *(f"  left: {t!r}" for t in
                                                       result.left_behind), sep="\n  ")
    _table(results)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False,
                                        indent=1), encoding="utf-8")
    return 1 if any(r.status == "failed" for r in results) else 0


def _table(results: list[Result]) -> None:
    print(f"{'format':8} {'files':>6} {'ok':>6} {'refused':>8} {'failed':>7} {'bytes-id':>9}")
    for suffix in sorted({r.suffix for r in results}):
        group = [r for r in results if r.suffix == suffix]
        count = Counter(r.status for r in group)
        same = sum(r.identity == "bytes" for r in group)
        print(f"{suffix:8} {len(group):>6} {count['ok']:>6} {count['refused']:>8} "
              f"{count['failed']:>7} {same:>9}")
    reasons = Counter(r.refusal.split(" ", 1)[-1][:70] for r in results if r.refusal)
    for reason, number in reasons.most_common(8):
        print(f"  refused x{number}: …{reason}")


if __name__ == "__main__":
    raise SystemExit(main())
