"""``bayling-desktop translate``: documents in, translated documents out, atomically."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..documents import (
    Document,
    default_output_path,
    export_bilingual,
    join_sentences,
    open_document,
    split_units,
    supported_extensions,
)
from ..engine.backend import Backend, CancelToken
from ..engine.translate import translate_text
from ..errors import BaylingError
from ..languages import Language, resolve
from ..storage.project_store import DONE, ProjectStore
from ..translation.glossary import Glossary, load_glossary
from ..translation.tmx import read_tmx, write_tmx
from .common import add_model_options, open_backend, settings_from_args
from .progressbar import ProgressBar

#: exit status when the output was written but some segments need attention
EXIT_WITH_PROBLEMS = 3


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
    parser.add_argument("--bilingual", choices=("docx", "html"), default=None,
                        help="also write a side-by-side review file NAME.LANG.bilingual.EXT")
    parser.add_argument("--sentences", action="store_true",
                        help="send one sentence at a time instead of whole paragraphs "
                             "(helps small models with long paragraphs)")
    parser.add_argument("--glossary", metavar="FILE", type=Path, default=None,
                        help="required term translations (.csv, .tsv or .tbx)")
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
    add_model_options(parser)
    parser.set_defaults(run=run)


@dataclass
class Job:
    document: Document
    output: Path
    extra: list[Path] = field(default_factory=list)


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
                             f"{output.stem}.bilingual.html"}
                skipped += [p for p in found if p.name in ours]
                found = [p for p in found if p.name not in ours]
            if not found:
                raise BaylingError(f"The folder {path} holds no document this app can "
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


def _plan(args: argparse.Namespace, target: Language) -> list[Job]:
    """Every input opened and every output decided before the model loads: fail fast.

    Refused here, each in one sentence: an output that is an input (by
    ``os.path.samefile``, so links and other spellings count), two inputs that would
    write the same output, and a missing output folder (``-o OUT/`` creates OUT).
    """
    files = _expand(args.inputs, target)
    out: Path | None = args.output
    wants_folder = isinstance(out, FolderPath) or (out is not None and out.is_dir())
    if out is not None and isinstance(out, FolderPath) and not out.is_dir():
        if out.exists():
            raise BaylingError(f"-o {out}/ names a folder, but {out} is a file.")
        try:
            out.mkdir()
        except OSError as exc:
            raise BaylingError(f"Could not create the output folder {out} "
                               f"({exc.strerror or exc}).") from None
    if out is not None and len(files) > 1 and not wants_folder:
        raise BaylingError("With several inputs, -o must be a folder (an existing one, or "
                           "a new one written with a trailing slash).")
    documents = [open_document(path) for path in files]  # refuses missing, unreadable…
    inputs = {(info.st_dev, info.st_ino): path for path in files
              for info in [path.stat()]}
    jobs: list[Job] = []
    written: dict[Path, Path] = {}
    for path, document in zip(files, documents, strict=True):
        if not document.units:
            raise BaylingError(f"{path.name} holds no text to translate.")
        output = default_output_path(path, target.code)
        if out is not None:
            output = out / output.name if wants_folder else out
        if not output.parent.is_dir():
            raise BaylingError(f"The output folder {output.parent} does not exist.")
        if output.exists():  # the same test as os.path.samefile, against every input
            info = output.stat()
            source = inputs.get((info.st_dev, info.st_ino))
            if source is not None:
                raise BaylingError(f"The output {output} is the input file {source.name} "
                                   "itself: translating would overwrite the source; choose "
                                   "another output name.")
        key = output.parent.resolve() / output.name
        if key in written:
            raise BaylingError(f"{written[key].name} and {path} would both be written to "
                               f"{output}; translate them to different folders.")
        written[key] = path
        jobs.append(Job(document, output))
    return jobs


class _LazyBackend:
    """Loads the model on first use: a run served from the project or the translation
    memory never pays for loading it."""

    def __init__(self, args: argparse.Namespace, settings: Settings) -> None:
        self._args = args
        self._settings = settings
        self.backend: Backend | None = None
        self.calls = 0

    def get(self) -> Backend:
        if self.backend is None:
            self.backend = open_backend(self._args, self._settings)
        self.calls += 1
        return self.backend

    def close(self) -> None:
        if self.backend is not None:
            self.backend.close()


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    target = resolve(args.to)
    source = resolve(args.source) if args.source else None
    jobs = _plan(args, target)  # read every input before loading the model: fail fast
    glossary = load_glossary(args.glossary) if args.glossary else Glossary()
    store = ProjectStore()
    if args.tm:
        if source is None:
            raise BaylingError("--tm needs --from: a memory is kept per language pair.")
        imported = store.memory_add(source.code, target.code,
                                    read_tmx(args.tm, source.code, target.code))
        print(f"Imported {imported} pairs from {args.tm.name}.", file=sys.stderr)
    model = _LazyBackend(args, settings)
    total = sum(len(split_units(job.document.units) if args.sentences else job.document.units)
                for job in jobs)
    bar = ProgressBar(total, "Translating")
    cancel = CancelToken()
    problems: list[str] = []
    reused = 0
    try:
        for job in jobs:
            document = job.document
            units = split_units(document.units) if args.sentences else document.units
            name = args.project if len(jobs) == 1 else f"{args.project}:{document.path.name}"
            project = store.open_or_create(
                name or f"cli:{document.path.resolve()}:{target.code}", document.path,
                target.code, source.code if source else "",
                [(u.id, u.source) for u in units])
            translations: dict[str, str] = {}
            recent: list[tuple[str, str]] = []  # neighbours, for consistent terms and pronouns
            for idx, unit in enumerate(units):
                if idx and units[idx - 1].id in translations:
                    previous = units[idx - 1]
                    recent = [*recent[-2:], (previous.source, translations[previous.id])]
                bar.update(label=document.path.name)
                where = f"{document.path.name}, {unit.id}"
                segment = project.segments[idx]
                if args.project and segment.status in DONE and segment.target:
                    translations[unit.id] = segment.target  # done in an earlier run
                    bar.update(bar.done + 1)
                    continue
                remembered = None if args.no_memory else store.memory_lookup(
                    project.source_lang, target.code, unit.source)
                if remembered:
                    reused += 1
                    translations[unit.id] = remembered
                    store.save_segment(project, idx, remembered, "draft", [], "memory")
                    bar.update(bar.done + 1)
                    continue
                terms = [t.target for t in glossary.matches(unit.source)]
                result = translate_text(
                    model.get(), unit.source, target, source, terms,
                    temperature=settings.translation_temperature,
                    max_tokens=args.max_tokens or settings.max_tokens, cancel=cancel,
                    context=recent)
                result.problems += glossary.violations(unit.source, result.text)
                if result.text:
                    translations[unit.id] = result.text
                    store.save_segment(project, idx, result.text, "draft", result.problems,
                                       "model")
                else:
                    store.save_segment(project, idx, "", "error",
                                       ["The model returned nothing."], "model")
                    problems.append(f"{where}: the model returned nothing; the source text "
                                    "was kept.")
                problems += [f"{where}: {problem}" for problem in result.problems]
                rate = result.stats.tokens_per_second
                bar.update(bar.done + 1, rate=f"{rate:.1f} tok/s" if rate else None)
            if args.sentences:
                translations = join_sentences(units, translations)
            document.export(translations, job.output)
            for unit_id, unit_problems in document.flagged.items():
                problems += [f"{document.path.name}, {unit_id}: {p} The text was kept "
                             "without its inline formatting." for p in unit_problems]
            if args.bilingual:
                review = job.output.with_name(
                    f"{job.output.stem}.bilingual.{args.bilingual}")
                export_bilingual(document, translations, review)
                job.extra.append(review)
    except KeyboardInterrupt:
        cancel.cancel()
        bar.close()
        print("Cancelled; finished segments are saved"
              + (f" in project {args.project!r}" if args.project else "")
              + "; the file in progress was not written.", file=sys.stderr)
        return 130
    finally:
        model.close()
        store.close()
    bar.close()
    for job in jobs:
        print(job.output)
        for extra in job.extra:
            print(extra)
    if reused:
        print(f"{reused} segments came from the translation memory.", file=sys.stderr)
    if args.export_tm:
        exporter = ProjectStore()
        write_tmx(args.export_tm, exporter.memory_pairs(target.code))
        exporter.close()
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return EXIT_WITH_PROBLEMS if problems else 0
