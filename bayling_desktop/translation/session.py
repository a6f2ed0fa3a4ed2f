"""One document's life, the same for the CLI and the GUI: open, pair, project, run, export.

Each of these was written once per front end and the copies drifted (the GUI translated
English into English where the CLI refused; the two kept separate projects for one
file). A :class:`DocumentSession` now decides them once:

* **open** reads the file the way its project last read it (comments as units or not)
  unless the caller says otherwise, and detects the text's language once;
* **the pair** follows :func:`.pair.choose_pair` (explicit > project > file header >
  detected; the preferred target unless the text is in it already) and is checked by
  :func:`.pair.check_pair` before anything is bound or run;
* **the project** is the file's own for that target (:mod:`..storage.identity`), shared
  by the CLI and the GUI, with its glossary;
* **run** drives :class:`.pipeline.TranslationPipeline` (pause, resume and cancel from
  any thread);
* **export** writes the translated file (or a bilingual review file) and says what needs
  a look.

No Qt here: the GUI runs :meth:`DocumentSession.open` and :meth:`run` on its worker
threads and shows the results; the CLI prints them.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import (
    check_target_language,
    existing_translations,
    export_bilingual,
    join_sentences,
    open_document,
)
from ..documents.model import Document, Unit
from ..documents.timing import cue_timing
from ..engine.backend import CancelToken
from ..errors import BaylingError
from ..flags import Flag
from ..languages import resolve
from ..sentences import Sentence
from ..storage.identity import file_key, file_project_name
from ..storage.projects import DONE, Project, ProjectStore
from .events import Event, PipelineOptions, PipelineReport
from .glossary import Glossary, project_glossary, save_project_glossary
from .langdetect import detect_language
from .pair import AUTO, Pair, check_pair, choose_pair
from .pipeline import BackendSource, TranslationPipeline
from .resegmenting import Resegmenting
from .segmentation import Segmentation

#: characters of the text the language detector reads
_SAMPLE = 4000
#: statuses a person gave: a run that starts a document afresh leaves them alone
HUMAN = ("edited", "approved")


class SessionError(BaylingError):
    """The session cannot do what was asked (no project to save into…)."""


def detect_source(units: Sequence[Unit]) -> str | None:
    """The language of the document's text, from its first few thousand characters."""
    sample: list[str] = []
    size = 0
    for unit in units:
        sample.append(unit.source)
        size += len(unit.source)
        if size >= _SAMPLE:
            break
    return detect_language("\n".join(sample))


@dataclass
class Exported:
    """What :meth:`DocumentSession.export` wrote and what the user should look at."""

    path: Path
    #: segments that kept their source text (not translated, or failed)
    untranslated: int = 0
    #: unit id -> what the format could not keep, as flags (``link_removed`` url,
    #: ``image_removed`` name, ``lines_rewrapped``, ``tag_moved``, ``formatting_lost``,
    #: ``structure_injected``…), for units the translation run had not already flagged
    lost: dict[str, list[Flag]] = field(default_factory=dict)
    #: what writing changed on its own (a PO header switched to UTF-8…), said once
    notices: list[Sentence] = field(default_factory=list)


class DocumentSession:
    """One opened document, its language pair and its project."""

    def __init__(self, document: Document, store: ProjectStore | None = None, *,
                 sentences: bool = False, detected: str | None = None) -> None:
        self.document = document
        self.store = store
        #: segments are sentences (the CLI's ``--sentences``), not whole units
        self.sentences = sentences
        self.detected = detected
        self.pair: Pair | None = None
        self.project: Project | None = None
        self.glossary = Glossary()
        #: why work cannot be saved ("open in another window"…); None when it can
        self.save_error: Sentence | None = None
        self._control = threading.Lock()
        self._pipeline: TranslationPipeline | None = None
        self._paused = False
        #: where units are cut into segments (sentences, the translator's splits)
        self.segmentation = Segmentation(sentences)
        #: split and merge segments (see :mod:`.segmentation`)
        self.resegmenting = Resegmenting(self)

    # -- open ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, store: ProjectStore | None = None, *,
             include_comments: bool | None = None, sentences: bool = False,
             password: str | None = None,
             on_progress: Callable[[int, int], None] | None = None) -> DocumentSession:
        """Read *path* (any thread). *include_comments* None: as the file's project last
        read it (comments are units or not for the whole life of a project); *password*
        opens an encrypted PDF; *on_progress* hears (pages read, pages) while a PDF is
        read (OCR of a scan takes seconds a page), on the reading thread."""
        if include_comments is None:
            include_comments = False
            for bound in store.projects_of(path) if store else []:
                include_comments = bool(bound.settings.get("comments"))
                break
        document = open_document(path, include_comments=include_comments, password=password,
                                 on_progress=on_progress)
        return cls(document, store, sentences=sentences, detected=detect_source(document.units))

    @classmethod
    def of_project(cls, project: Project, document: Document | None = None) -> DocumentSession:
        """The session of a project already open (a script, a test): its document read
        as the project reads it (or *document*), in the project's pair."""
        settings = project.settings
        if document is None:
            document = open_document(Path(project.source_path),
                                     include_comments=bool(settings.get("comments")))
        session = cls(document, project.store, sentences=bool(settings.get("sentences")))
        session.segmentation = Segmentation(session.sentences,
                                            project.store.segment_cuts(project.name))
        session.pair = Pair(str(settings.get("source_choice") or project.source_lang or AUTO),
                            project.target_lang, project.source_lang, "project")
        session.project = project
        session.glossary = project_glossary(project)
        return session

    @property
    def path(self) -> Path:
        return self.document.path

    def units(self) -> list[Unit]:
        """The units segments are made of: each unit of the document, or its pieces
        (sentences with ``sentences``, and where the translator split it)."""
        return self.segmentation.units(self.document.units)

    # -- the language pair -----------------------------------------------------------------

    def choose_pair(self, *, source: str | None = None, target: str | None = None,
                    preferred_target: str = "zh", preferred_source: str | None = None,
                    project_name: str | None = None) -> Pair:
        """Decide the pair (:func:`.pair.choose_pair`) without binding anything yet.

        *source*/*target* are what the user said, *preferred_source* the user's usual
        source language (for a text too short to tell); *project_name* a project the
        user named (the CLI's ``--project``), whose pair then counts as the project's.
        """
        remembered = self._remembered(target, project_name)
        recent = self.store.recent_targets() if self.store else []
        self.pair = choose_pair(
            detected=self.detected, preferred_target=preferred_target, source=source,
            target=target, remembered=remembered, declared=self.document.declared_languages,
            recent_targets=recent, fallback_source=preferred_source, file_name=self.path.name)
        return self.pair

    def _remembered(self, target: str | None,
                    project_name: str | None) -> tuple[str, str] | None:
        """(source choice, target) of the project this document was last worked on in."""
        if self.store is None:
            return None
        if project_name:
            named = [info for info in self.store.infos() if info.name == project_name]
            return ((str(named[0].settings.get("source_choice") or named[0].source_lang
                         or AUTO), named[0].target_lang) if named else None)
        for bound in self.store.projects_of(self.path):
            if bound.sentences == self.sentences and target in (None, bound.target):
                return str(bound.settings.get("source_choice") or bound.source_lang
                           or AUTO), bound.target
        return None

    def check(self) -> None:
        """THE pair check (raises :class:`.pair.LanguagePairError` with one sentence): a
        language into itself, or a catalogue whose header declares another target (its
        existing translations are in that language: :class:`DocumentError`)."""
        if self.pair is None:
            raise RuntimeError("choose_pair() comes before check(), bind() and run()")
        check_pair(self.pair.source, self.pair.target)
        check_target_language(self.document, self.pair.target)
        self.document.source_language = self.pair.source or None

    def set_pair(self, source_choice: str, target: str) -> Project | None:
        """The user picked another pair: check it and bind the project for it (the
        previous project is let go, so another window may open it)."""
        language = resolve(target)
        source = source_choice if source_choice != AUTO else (self.detected or "")
        check_pair(source, language.code)
        check_target_language(self.document, language.code)  # refused: the pair stays
        self.pair = Pair(source_choice, language.code, source, "explicit")
        return self.bind()

    # -- the project ---------------------------------------------------------------------

    def bind(self, project_name: str | None = None) -> Project | None:
        """Check the pair and attach the document's project for it (created if new).

        Without a store, or when the project is open in another window or process, the
        session works unsaved and :attr:`save_error` says why.
        """
        self.check()
        assert self.pair is not None
        previous = self.project
        if self.store is None:
            return None
        name = project_name or file_project_name(self.path, self.pair.target, self.sentences)
        if previous is not None and previous.name == name:
            self._remember(previous)
            return previous
        # the project's splits come first: its segments are reconciled with those pieces
        self.segmentation = Segmentation(self.sentences, self.store.segment_cuts(name))
        try:
            project = self.store.open_or_create(
                name, Path(file_key(self.path)), self.pair.target, self.pair.source,
                [(u.id, u.source) for u in self.units()],
                format_name=self.document.format_name,
                settings={"sentences": True} if self.sentences else None)
        except BaylingError as exc:
            self.project, self.save_error = None, exc.sentence
        else:
            self.project, self.save_error = project, None
            self._remember(project)
            self.glossary = project_glossary(project)
            self.keep_file_translations()
        if previous is not None and (self.project is None or previous.id != self.project.id):
            self.store.release(previous)
        return self.project

    def _remember(self, project: Project) -> None:
        """Record how the document was read and the pair chosen, so a later opening (CLI
        or GUI) reads the same units in the same pair."""
        assert self.store is not None and self.pair is not None
        changes: dict[str, object] = {}
        if bool(project.settings.get("comments")) != self.document.include_comments:
            changes["comments"] = self.document.include_comments
        if project.settings.get("source_choice") != self.pair.source_choice:
            changes["source_choice"] = self.pair.source_choice
        if changes:
            self.store.update_settings(project, **changes)
        else:
            self.store.touch(project)  # the pair this document was last worked on in
        if self.pair.source and project.source_lang != self.pair.source:
            self.store.set_source_lang(project, self.pair.source)  # prompts, memory keys

    def set_source_choice(self, source_choice: str) -> None:
        """The user picked another source language (the target, and project, stay);
        refused (:class:`.pair.LanguagePairError`) when it is the target language."""
        if self.pair is None:
            return
        source = source_choice if source_choice != AUTO else (self.detected or "")
        check_pair(source, self.pair.target)
        self.pair = dataclasses.replace(self.pair, source_choice=source_choice, source=source)
        if self.project is not None:
            self._remember(self.project)

    def _unit_facts(self) -> tuple[dict[int, str], dict[int, float]]:
        """What the file says about each segment's unit (msgctxt, comments, notes: context
        for the model) and how long a subtitle cue is on screen (its reading speed)."""
        notes: dict[int, str] = {}
        durations: dict[int, float] = {}
        if self.project is None or self.document is None:
            return notes, durations
        units = {unit.id: unit for unit in self.units()}
        for segment in self.project.segments:
            unit = units.get(segment.unit_id)
            if unit is None:
                continue
            if unit.context.strip():
                notes[segment.idx] = unit.context
            timing = cue_timing(unit)
            if timing is not None:
                durations[segment.idx] = timing[1] - timing[0]
        return notes, durations

    def set_glossary(self, glossary: Glossary) -> None:
        """Make *glossary* the document's: each term saved into the glossary it came from
        (new ones into the project's own); what applies is then the union of the
        glossaries attached to the project."""
        self.glossary = glossary
        if self.project is not None and self.store is not None:
            save_project_glossary(self.project, glossary)
            self.glossary = project_glossary(self.project)

    def keep_file_translations(self, redo: Sequence[str] = ()) -> int:
        """The translations the file already holds (PO msgstr, XLIFF targets, TMX variants
        in the target language) become the project's — the translator's work, kept and
        written back untouched — unless their status is in *redo* ("approved", "draft":
        ``--retranslate``, ``--fuzzy``, the app's checkbox), which makes them new work.
        Returns how many segments hold the file's translation."""
        if self.project is None or self.store is None or self.pair is None:
            return 0
        existing = existing_translations(self.document, self.pair.target)
        return self.store.adopt_existing(self.project, existing, redo) if existing else 0

    def start_afresh(self) -> None:
        """Queue every model translation again (what a person wrote or approved stays)."""
        if self.project is not None and self.store is not None:
            self.store.reset_statuses(self.project, keep=HUMAN)

    def close(self) -> None:
        """Let go of the project (its lock), so another window or process may open it."""
        if self.project is not None and self.store is not None:
            self.store.release(self.project)
        self.project = None

    # -- run --------------------------------------------------------------------------------

    def run(self, backend: BackendSource, options: PipelineOptions | None = None,
            on_event: Callable[[Event], None] | None = None,
            cancel: CancelToken | None = None) -> PipelineReport:
        """Translate what the project still needs (call on a worker thread).

        The pair is checked first; the document's glossary applies unless *options*
        name one. *cancel* (the caller's token) stops the run like :meth:`cancel`.
        """
        self.check()
        if self.project is None:
            raise SessionError(self.save_error or Sentence("cannot_save"))
        options = options or PipelineOptions()
        if options.glossary is None and len(self.glossary):
            options = dataclasses.replace(options, glossary=self.glossary)
        notes, durations = self._unit_facts()
        options = dataclasses.replace(options, notes=options.notes or notes,
                                      durations=options.durations or durations)
        pipeline = TranslationPipeline(self.project, backend, options, on_event)
        with self._control:
            self._pipeline = pipeline
            if self._paused:
                pipeline.pause()
        done = threading.Event()
        if cancel is not None:
            threading.Thread(target=_forward_cancel, args=(cancel, pipeline, done),
                             daemon=True).start()
        try:
            return pipeline.run()
        finally:
            done.set()
            with self._control:
                self._pipeline = None

    def pause(self) -> None:
        with self._control:
            self._paused = True
            if self._pipeline is not None:
                self._pipeline.pause()

    def resume(self) -> None:
        with self._control:
            self._paused = False
            if self._pipeline is not None:
                self._pipeline.resume()

    def cancel(self) -> None:
        with self._control:
            self._paused = False
            if self._pipeline is not None:
                self._pipeline.cancel()

    # -- export -----------------------------------------------------------------------------

    def translations(self) -> dict[str, str]:
        """unit id -> translation of every unit with a usable one (sentences joined)."""
        if self.project is None:
            return {}
        return join_sentences(self.units(), self.project.translations())

    def export(self, out_path: Path, *, bilingual: bool = False,
               translations: Mapping[str, str] | None = None,
               bilingual_layout: str = "side-by-side") -> Exported:
        """Write the translated document (atomically) to *out_path*, or with *bilingual*
        a side-by-side review file (.docx, .html or, for a PDF, .pdf by *out_path*'s
        suffix; a PDF's pages side by side or, *bilingual_layout* ``"alternate"``, on
        alternating pages).

        Units without a translation keep their source text; the result counts them and
        names what the format could not keep. *translations* stands in for the
        project's when there is none (work that could not be saved).
        """
        chosen = dict(translations) if translations is not None else self.translations()
        said = list(self.document.notices)
        if bilingual:
            export_bilingual(self.document, chosen, out_path, layout=bilingual_layout)
        else:
            if self.pair is not None:
                self.document.target_language = self.pair.target
            self.document.export(chosen, out_path)
        # what the run already said about a unit is not said twice; what writing found
        # besides (a cue the reply tried to inject, a link the rebuild lost) is
        said_of: dict[str, set[Flag]] = {}
        for segment in self.project.segments if self.project else []:
            said_of.setdefault(segment.unit_id, set()).update(segment.flags)
        result = Exported(out_path)
        result.untranslated = sum(1 for unit in self.document.units if unit.id not in chosen)
        if not bilingual:
            for unit_id, problems in self.document.flagged.items():
                new = [f for f in problems if f not in said_of.get(unit_id, set())]
                if new:
                    result.lost[unit_id] = new
        result.notices = [n for n in self.document.notices if n not in said]
        return result

    def untranslated_segments(self) -> int:
        """Segments a run has not translated (or that failed)."""
        if self.project is None:
            return len(self.units())
        return sum(1 for s in self.project.segments if s.status not in DONE or not s.target)


def _forward_cancel(cancel: CancelToken, pipeline: TranslationPipeline,
                    done: threading.Event) -> None:
    """The caller's token (Stop, a model reload, quitting) stops the pipeline too."""
    while not done.wait(0.05):
        if cancel.cancelled:
            pipeline.cancel()
            return
