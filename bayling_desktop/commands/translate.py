"""``bayling-desktop translate``: documents in, translated documents out, atomically."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..documents import check_target_language, default_output_path, supported_extensions
from ..documents.formats.pdf_write import LAYOUTS
from ..engine.backend import Backend
from ..errors import BaylingError
from ..fileio import check_name, check_output
from ..languages import Language, resolve
from ..progressbar import ProgressBar
from ..sentences import Sentence
from ..storage.projects import ProjectStore
from ..translation.glossary import load_glossary
from ..translation.memory import export_tmx, import_tmx, open_store
from ..translation.pair import check_pair
from ..translation.pipeline import Event, PipelineOptions, PipelineReport, Progress
from ..translation.session import DocumentSession
from .common import add_model_options, open_backend, settings_from_args

#: exit status when the output was written but some segments need attention
EXIT_WITH_PROBLEMS = 3
#: pages from which reading a PDF shows a bar in a log too (stderr not a terminal)
READING_BAR_PAGES = 50


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "translate", help="translate documents",
        description="Translate documents unit by unit (paragraphs, cells, cues…) and write "
                    "NAME.LANG.EXT beside each input, or to -o.")
    parser.add_argument("inputs", nargs="+", metavar="FILE", type=Path,
                        help="files or folders to translate")
    parser.add_argument("--to", required=True, metavar="LANG",
                        help="target language: a code (zh, zh-TW, en, ja, de…) or a name")
    parser.add_argument("--from", dest="source", metavar="LANG", default=None,
                        help="source language (default: detected)")
    parser.add_argument("-o", "--output", type=output_arg, metavar="OUT",
                        help="output file (one input) or folder (several inputs)")
    parser.add_argument("--bilingual", choices=("docx", "html", "pdf"), default=None,
                        help="also write a side-by-side review file NAME.LANG.bilingual.EXT "
                             "(pdf: for PDFs, each original page beside its translation)")
    parser.add_argument("--bilingual-layout", choices=LAYOUTS, default=LAYOUTS[0],
                        help="with --bilingual pdf: each original page beside its "
                             "translation on one wide page (default), or the two on "
                             "alternating pages")
    parser.add_argument("--password", default=None, metavar="PASSWORD",
                        help="the password that opens an encrypted PDF")
    parser.add_argument("--sentences", action="store_true",
                        help="send one sentence at a time instead of whole paragraphs "
                             "(helps small models with long paragraphs)")
    parser.add_argument("--glossary", metavar="FILE", type=Path, default=None,
                        help="required term translations (.csv, .tsv or .tbx), kept as the "
                             "document's glossary (default: the glossary the document's "
                             "project already has, from the app or an earlier run)")
    parser.add_argument("--tm", metavar="FILE.tmx", type=Path, default=None,
                        help="import a TMX translation memory first (needs --from)")
    parser.add_argument("--export-tm", metavar="FILE.tmx", type=Path, default=None,
                        help="afterwards, write the translation memory for --to as TMX")
    parser.add_argument("--project", metavar="NAME", default=None,
                        help="keep this translation as a project: rerunning with the same "
                             "NAME resumes it and translates only unfinished segments")
    parser.add_argument("--no-memory", action="store_true",
                        help="do not reuse exact matches from the translation memory")
    parser.add_argument("--max-tokens", type=int, default=None,
                        help="most new tokens per unit (default from settings)")
    parser.add_argument("--comments", action=argparse.BooleanOptionalAction, default=None,
                        help="translate Word comments, ODF annotations and Excel cell "
                             "comments too (default: as the document's project last read "
                             "it, else not)")
    parser.add_argument("--strict", action="store_true",
                        help="treat any flagged or failed unit as an error: write no output")
    parser.add_argument("--retranslate", action="store_true",
                        help="translate again the entries a PO/XLIFF/TMX file already has "
                             "translated (by default they are kept as they are)")
    parser.add_argument("--fuzzy", action="store_true",
                        help="translate again fuzzy / needs-review entries of a PO/XLIFF "
                             "file (by default their draft is kept for review)")
    parser.add_argument("--no-context", action="store_true",
                        help="translate each unit on its own, without neighbouring units")
    add_model_options(parser)
    parser.set_defaults(run=run)


@dataclass
class Job:
    session: DocumentSession
    output: Path
    extra: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.session.path.name


if sys.platform == "win32":
    from pathlib import WindowsPath as _ConcretePath
else:
    from pathlib import PosixPath as _ConcretePath


class FolderPath(_ConcretePath):
    """``-o OUT/``: the trailing slash (which Path drops) means a folder, existing or not."""


def output_arg(text: str) -> Path:
    """argparse type of ``-o``: keeps the one thing Path forgets, a trailing separator."""
    return FolderPath(text) if text.endswith(("/", "\\")) else Path(text)


def _has_bad_name(path: Path) -> bool:
    """A name that is not valid UTF-8 (surrogate-escaped bytes) cannot be stored or printed."""
    return any("\udc80" <= char <= "\udcff" for char in str(path))


def _expand(inputs: list[Path], target: Language | None = None) -> list[Path]:
    """The files to translate: named files as given, folders searched for documents.

    Inside a folder, this tool's own earlier outputs for *target* (``NAME.zh.txt`` and
    ``NAME.zh.bilingual.html`` beside ``NAME.txt``) are skipped, and the user is told,
    so translating a folder twice does not translate the translations; so are names
    that are not valid UTF-8.
    """
    files: list[Path] = []
    known = set(supported_extensions())
    skipped: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in known)
            bad = [p for p in found if _has_bad_name(p)]
            for name in bad:
                shown = str(name).encode("utf-8", "surrogateescape").decode("utf-8",
                                                                            "replace")
                print(f"Skipped {shown}: its name is not valid UTF-8 text.", file=sys.stderr)
            found = [p for p in found if p not in bad]
            if target is not None:
                ours: set[str] = set()
                for candidate in found:
                    output = default_output_path(candidate, target.code)
                    ours |= {output.name, f"{output.stem}.bilingual.docx",
                             f"{output.stem}.bilingual.html", f"{output.stem}.bilingual.pdf"}
                skipped += [p for p in found if p.name in ours]
                found = [p for p in found if p.name not in ours]
            if not found:
                raise BaylingError.plain(f"The folder {path} holds no document this app can "
                                         "translate" + (" (only earlier translations)" if skipped
                                                        else "") + ".")
            files.extend(found)
        else:
            files.append(path)
    if skipped:
        names = ", ".join(p.name for p in skipped[:3]) + (", …" if len(skipped) > 3 else "")
        print(f"Skipped {len(skipped)} file(s) that are earlier translations to "
              f"{target.code if target else ''} by this tool ({names}).", file=sys.stderr)
    return files


def _plan(args: argparse.Namespace, target: Language, store: ProjectStore) -> list[Job]:
    """Every input opened and every output decided before the model loads: fail fast.

    Refused here, each in one sentence: an output that is an input (by
    ``os.path.samefile``, so links and other spellings count), two inputs that would
    write the same output, and a missing output folder (``-o OUT/`` creates OUT).
    """
    files = _expand(args.inputs, target)
    out: Path | None = args.output
    if out is not None:
        check_name(out)
    wants_folder = isinstance(out, FolderPath) or (out is not None and out.is_dir())
    if out is not None and isinstance(out, FolderPath) and not out.is_dir():
        if out.exists():
            raise BaylingError.plain(f"-o {out}/ names a folder, but {out} is a file.")
        try:
            out.mkdir()
        except OSError as exc:
            raise BaylingError.plain(f"Could not create the output folder {out} "
                                     f"({exc.strerror or exc}).") from None
    if out is not None and len(files) > 1 and not wants_folder:
        raise BaylingError.plain("With several inputs, -o must be a folder (an existing one, or "
                                 "a new one written with a trailing slash).")
    layout = getattr(args, "bilingual_layout", LAYOUTS[0])
    if layout != LAYOUTS[0] and args.bilingual != "pdf":
        raise BaylingError.plain(f"--bilingual-layout {layout} is for --bilingual pdf.")
    # refuses missing, unreadable…
    sessions = [_read(path, args, store) for path in files]
    jobs: list[Job] = []
    written: dict[Path, Path] = {}
    for path, session in zip(files, sessions, strict=True):
        if not session.document.units:
            raise BaylingError.plain(f"{path.name} holds no text to translate.")
        check_target_language(session.document, target.code)
        if args.bilingual == "pdf" and session.document.format_name != "pdf":
            raise BaylingError.plain(f"--bilingual pdf is for PDF files; {path.name} is not one "
                                     "(use --bilingual docx or html).")
        output = default_output_path(path, target.code)
        if out is not None:
            output = out / output.name if wants_folder else out
        if not output.parent.is_dir():
            raise BaylingError.plain(f"The output folder {output.parent} does not exist.")
        # the one output guard (fileio), and the folder takes a file now, not after the work
        check_output(output, inputs=tuple(files), probe=True)
        if args.bilingual:
            check_output(output.with_name(f"{output.stem}.bilingual.{args.bilingual}"),
                         inputs=tuple(files))
        key = output.parent.resolve() / output.name
        if key in written:
            raise BaylingError.plain(f"{written[key].name} and {path} would both be written to "
                                     f"{output}; translate them to different folders.")
        written[key] = path
        # the pair of each document, checked before the model loads (a Chinese text
        # "to Chinese" is refused here, whether --from said so or detection did)
        session.choose_pair(source=args.source, target=target.code,
                            project_name=_project_name(args, path, len(files)))
        session.check()
        jobs.append(Job(session, output))
    if args.export_tm:
        check_output(args.export_tm, inputs=tuple(files), probe=True)
    return jobs


def _read(path: Path, args: argparse.Namespace, store: ProjectStore) -> DocumentSession:
    """Open one input, with a bar while a PDF's pages are read (OCR of a scanned page
    takes seconds): on a terminal, or in a log for a long file (a short one's lines
    would only stand between the user and an error about it)."""
    bars: list[ProgressBar] = []

    def progress(done: int, total: int) -> None:
        if not bars and (sys.stderr.isatty() or total >= READING_BAR_PAGES):
            bars.append(ProgressBar(total, f"Reading {path.name}"))
        if bars:
            bars[0].update(done)

    try:
        return DocumentSession.open(path, store, include_comments=args.comments,
                                    sentences=args.sentences,
                                    password=getattr(args, "password", None),
                                    on_progress=progress)
    finally:
        if bars:
            bars[0].close()


def _project_name(args: argparse.Namespace, path: Path, jobs: int) -> str | None:
    """The project the user named (``--project``), else None: the document's own."""
    if not args.project:
        return None
    return args.project if jobs == 1 else f"{args.project}:{path.name}"


class _LazyBackend:
    """Loads the model on first use: a run served from the project or the translation
    memory never pays for loading it."""

    def __init__(self, args: argparse.Namespace, settings: Settings) -> None:
        self._args = args
        self._settings = settings
        self.backend: Backend | None = None

    def get(self) -> Backend:
        if self.backend is None:
            self.backend = open_backend(self._args, self._settings)
        return self.backend

    def close(self) -> None:
        if self.backend is not None:
            self.backend.close()


class _Reporter:
    """Turns pipeline events of several documents into one progress bar."""

    def __init__(self, bar: ProgressBar) -> None:
        self.bar = bar
        self.offset = 0

    def __call__(self, event: Event) -> None:
        if isinstance(event, Progress):
            rate = f"{event.tokens_per_second:.1f} tok/s" if event.tokens_per_second else None
            if event.running > 1:
                rate = f"{rate or ''} · {event.running} at once".strip(" ·")
            self.bar.update(self.offset + event.done, rate=rate)


def _problems(job: Job, report: PipelineReport) -> list[str]:
    project = job.session.project
    assert project is not None
    lines = []
    for index, flags in sorted(report.problems):
        segment = project.segments[index]
        kept = " The source text was kept." if segment.status == "error" else ""
        lines.append(f"{job.name}, {segment.unit_id}: {' '.join(map(str, flags))}{kept}")
    return lines


def _write(job: Job, args: argparse.Namespace, notices: list[str]) -> list[str]:
    """Export one document (atomically); returns what units lost on the way into the file
    (units the run already warned about are not named twice), and adds to *notices* what
    writing had to say (an encoding or charset switched to UTF-8)."""
    exported = job.session.export(job.output)
    notices += [f"{job.name}: {n}" for n in exported.notices]
    problems = [f"{job.name}, {unit_id}: {p}" for unit_id, unit_problems in exported.lost.items()
                for p in unit_problems]
    if args.bilingual:
        review = job.output.with_name(f"{job.output.stem}.bilingual.{args.bilingual}")
        job.session.export(review, bilingual=True,
                           bilingual_layout=getattr(args, "bilingual_layout", LAYOUTS[0]))
        job.extra.append(review)
    return problems


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    target = resolve(args.to)
    if args.source:
        check_pair(resolve(args.source).code, target.code)  # before reading any file
    store = open_store()
    model = _LazyBackend(args, settings)
    problems: list[str] = []
    notices: list[str] = []
    reused = repaired = 0
    written: list[Job] = []
    running: DocumentSession | None = None
    try:
        jobs = _plan(args, target, store)  # read every input before loading the model
        glossary = load_glossary(args.glossary) if args.glossary else None
        if args.tm:
            if not args.source:
                raise BaylingError.plain("--tm needs --from: a memory is kept per language pair.")
            imported = import_tmx(store.memory, args.tm, resolve(args.source).code,
                                  target.code)
            print(f"Imported {imported} pairs from {args.tm.name}.", file=sys.stderr)
        for job in jobs:
            if job.session.bind(_project_name(args, job.session.path, len(jobs))) is None:
                # open in another window or process: say so, nothing is translated
                raise BaylingError(job.session.save_error or Sentence("cannot_save"))
            if glossary is not None:
                job.session.set_glossary(glossary)
        bar = ProgressBar(sum(len(job.session.units()) for job in jobs), "Translating")
        reporter = _Reporter(bar)
        options = PipelineOptions(
            use_memory=not args.no_memory, remember_drafts=True,
            context=not args.no_context, max_tokens=args.max_tokens or settings.max_tokens)
        for job in jobs:
            session = job.session
            project = session.project
            assert project is not None
            bar.update(reporter.offset, label=job.name)
            notices += [f"{job.name}: {n}" for n in session.document.notices]
            if project.requeued:
                notices.append(f"{job.name}: the document changed: {project.requeued} "
                               "segments re-queued.")
            if not args.project:
                # Without --project every run translates the document anew (the memory
                # still serves what it safely can); what a person wrote stays.
                session.start_afresh()
            kept = session.keep_file_translations(
                ("approved", "draft") if args.retranslate else ("draft",) if args.fuzzy
                else ())
            if kept:
                notices.append(f"{session.path.name}: {kept} translations the file already "
                               "had were kept (--retranslate translates them again).")
            # what is done already (the file's own translations, a resumed project) counts
            reporter.offset += len(project.segments) - len(project.unfinished())
            running = session
            report = session.run(model.get, options, reporter)
            running = None
            reused += report.from_memory
            repaired += report.repaired
            problems += _problems(job, report)
            reporter.offset += report.total
        bar.close()
        if not (args.strict and problems):
            for job in jobs:
                problems += _write(job, args, notices)
                written.append(job)
        if args.export_tm:
            export_tmx(store.memory, args.export_tm, target.code)
    except KeyboardInterrupt:
        if running is not None:
            running.cancel()
        print("\nCancelled; finished segments are saved"
              + (f" in project {args.project!r}" if args.project else "")
              + "; the file in progress was not written.", file=sys.stderr)
        return 130
    finally:
        model.close()
        store.close()
    for job in written:
        print(job.output)
        for extra in job.extra:
            print(extra)
    for notice in notices:
        print(f"note: {notice}", file=sys.stderr)
    if reused:
        print(f"{reused} segments came from the translation memory.", file=sys.stderr)
    if repaired:
        print(f"{repaired} segments were repaired: their first answer failed a check and "
              "another candidate passed them all.", file=sys.stderr)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.strict and problems:
        print(f"error: {len(problems)} units need attention; --strict: nothing was written.",
              file=sys.stderr)
    return EXIT_WITH_PROBLEMS if problems else 0
