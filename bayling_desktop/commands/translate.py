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
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
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


def _expand(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    known = set(supported_extensions())
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in known)
            if not found:
                raise BaylingError(f"The folder {path} holds no document this app can "
                                   "translate.")
            files.extend(found)
        else:
            files.append(path)
    return files


def _plan(args: argparse.Namespace, target: Language) -> list[Job]:
    files = _expand(args.inputs)
    if args.output and len(files) > 1 and not args.output.is_dir():
        raise BaylingError("With several inputs, -o must be an existing folder.")
    jobs = []
    for path in files:
        document = open_document(path)
        if not document.units:
            raise BaylingError(f"{path.name} holds no text to translate.")
        output = default_output_path(path, target.code)
        if args.output:
            output = (args.output / output.name if args.output.is_dir() else args.output)
        if not output.parent.is_dir():
            raise BaylingError(f"The output folder {output.parent} does not exist.")
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
