"""THE translation loop: a project's units in, checked and saved results out, events on the way.

The CLI drives it with a progress bar, the GUI through its model worker; neither has
a loop of its own. For each unit that still needs work it reuses what it safely can
(an exact memory match that passes the checks, an identical unit earlier in the
document), sends the rest to the model through :func:`.request.translate_unit`, and
saves every result in its own transaction at once, so a crash loses at most the
units in flight.

Units run in *lanes*: contiguous stretches of the document, one per sequence the
backend can decode at once (``backend.parallel``), shared out again when a lane runs
dry (:mod:`.lanes`). Within a stretch units go in order and share an append-only
:class:`.context.ContextWindow`, so each request extends the previous one in the KV
cache; the lanes run side by side and the engine batches them.

No silent gaps: a unit is either a draft (perhaps with flags for review) or failed
with the reason. Flagged and failed units never enter the context of later units nor
the translation memory.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from ..engine.backend import Backend, CancelToken, Message
from ..flags import Flag
from ..languages import Language, resolve
from ..storage.projects import DONE, Project, StoredSegment
from .context import ContextWindow
from .events import (
    Event,
    Paused,
    PipelineError,
    PipelineOptions,
    PipelineReport,
    Progress,
    UnitFinished,
    UnitRetry,
    UnitStarted,
    UnitText,
)
from .lanes import Stretches
from .memory import detect_project_language, done_by_source, reusable_translation
from .pair import check_pair
from .profiles import Profile, profile_for_backend
from .qa import has_words
from .request import UnitOutcome, UnitRequest, translate_unit

BackendSource = Backend | Callable[[], Backend]
#: units looked over (and then translated) at a time; each chunk shares its lanes out anew
CHUNK = 2_000


class TranslationPipeline:
    """Translate a project's units; call :meth:`run` on a worker thread."""

    def __init__(self, project: Project, backend: BackendSource,
                 options: PipelineOptions | None = None,
                 on_event: Callable[[Event], None] | None = None) -> None:
        self.project = project
        self.options = options or PipelineOptions()
        # A factory lets a run served entirely from memory skip loading the model.
        is_factory = callable(backend) and not hasattr(backend, "stream")
        self._backend: Backend | None = None if is_factory else backend  # type: ignore[assignment]
        self._factory: Callable[[], Backend] | None = backend if is_factory else None  # type: ignore[assignment]
        self._on_event = on_event
        self._events = threading.Lock()
        self._state = threading.Lock()
        self._running = threading.Event()
        self._running.set()
        self.cancel_token = CancelToken()
        self.report = PipelineReport()
        self._done = 0
        self._in_flight = 0
        self._waiting = 0
        self._paused_said = False
        self._done_sources: dict[str, str] = {}
        self._model_started: float | None = None
        #: seconds spent paused, and since when it is paused now (not model time)
        self._paused_for = 0.0
        self._paused_at: float | None = None

    # -- control (any thread) -----------------------------------------------------------

    def pause(self) -> None:
        with self._state:
            if self._paused_at is None:
                self._paused_at = time.perf_counter()
        self._running.clear()

    def resume(self) -> None:
        with self._state:
            if self._paused_at is not None:
                self._paused_for += time.perf_counter() - self._paused_at
                self._paused_at = None
        self._running.set()

    def _model_time(self) -> float:
        """Seconds the model has been working for this run: a pause does not count, so
        the speed and the ETA after *Resume* are the model's, not the coffee break's."""
        if self._model_started is None:
            return 0.0
        now = time.perf_counter()
        with self._state:
            paused = self._paused_for + (now - self._paused_at if self._paused_at else 0.0)
        return max(0.0, now - self._model_started - paused)

    def cancel(self) -> None:
        self.cancel_token.cancel()
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def _claim(self) -> None:
        """Wait while paused, then count this lane as in flight — in one step under the
        lock, so "paused" can never be said while a lane is about to start a unit."""
        waiting = False
        while True:
            with self._state:
                if self._running.is_set() or self.cancel_token.cancelled:
                    if waiting:
                        self._waiting -= 1
                        self._paused_said = False
                    self._in_flight += 1
                    return
                if not waiting:
                    self._waiting += 1
                    waiting = True
            self._maybe_paused()
            self._running.wait(0.1)

    def _maybe_paused(self) -> None:
        """Say "paused" once, when the last unit in flight has finished: the lanes stop
        after their current unit, so until then the table is still moving."""
        with self._state:
            say = (not self._running.is_set() and self._in_flight == 0 and self._waiting > 0
                   and not self._paused_said)
            if say:
                self._paused_said = True
        if say:
            self._emit(Paused(self._done, self.report.total))

    # -- the run --------------------------------------------------------------------------

    def backend(self) -> Backend:
        if self._backend is None:
            assert self._factory is not None
            self._backend = self._factory()
        return self._backend

    def _emit(self, event: Event) -> None:
        if self._on_event is not None:
            with self._events:
                self._on_event(event)

    def _progress(self) -> None:
        report = self.report
        eta = rate = None
        if self._model_started is not None:
            elapsed = self._model_time()
            model_done = (report.translated + report.failed - report.from_memory
                          - report.repeats - report.copied)
            remaining = report.total - self._done
            if model_done > 0:
                eta = remaining * elapsed / model_done
            rate = report.completion_tokens / elapsed if elapsed > 0 else 0.0
        self._emit(Progress(self._done, report.total, eta, rate or 0.0, self._in_flight))

    def _todo(self) -> list[StoredSegment]:
        wanted = set(self.options.indexes) if self.options.indexes is not None else None
        pool = self.project.segments if self.options.force else self.project.unfinished()
        return [s for s in pool if wanted is None or s.idx in wanted]

    def run(self) -> PipelineReport:
        started = time.perf_counter()
        project, options = self.project, self.options
        target = resolve(project.target_lang)
        if not project.source_lang:  # a caller that did not check the pair (a script)
            check_pair(detect_project_language(project), project.target_lang)
        source = resolve(project.source_lang) if project.source_lang else None
        todo = self._todo()
        self._done_sources = done_by_source(project)
        self.report.total = len(todo)
        self._progress()
        repeats: dict[str, list[StoredSegment]] = {}
        first_of: dict[str, StoredSegment] = {}
        # The document goes in chunks, each looked over (memory, repeats, units without
        # words) just before the model gets it: a resumed 1,000,000-unit project sends its
        # first request at once, not after a pass over every unit.
        for start in range(0, len(todo), CHUNK):
            model_work: list[StoredSegment] = []
            for segment in todo[start:start + CHUNK]:
                if self.cancel_token.cancelled:
                    break
                if not has_words(segment.source):
                    # "42", "—", "3.14 %", "<1/>": nothing a model could translate, and
                    # small models do "translate" them (into a sentence about the number)
                    self._save(segment, segment.source, [], "copy", remember=False)
                    self.report.copied += 1
                    continue
                if not options.force and self._reuse(segment):
                    continue
                if segment.source in first_of:
                    repeats.setdefault(segment.source, []).append(segment)
                    continue
                first_of[segment.source] = segment
                model_work.append(segment)
            if self.cancel_token.cancelled:
                break
            if model_work:
                self._translate(model_work, target, source)
        for original_source, copies in repeats.items():
            for segment in copies:
                if self.cancel_token.cancelled:
                    break
                self._copy_repeat(first_of[original_source], segment)
        self.report.cancelled = self.cancel_token.cancelled
        self.report.seconds = time.perf_counter() - started
        self._progress()
        return self.report

    # -- reuse ------------------------------------------------------------------------------

    def _reuse(self, segment: StoredSegment) -> bool:
        """Serve *segment* without the model when a checked translation is at hand."""
        found = reusable_translation(self.project, segment, self.options.glossary,
                                     self._done_sources, use_memory=self.options.use_memory)
        if found is None:
            return False
        text, flags, origin = found
        self._save(segment, text, flags, origin, remember=False)
        if not flags:
            self._done_sources.setdefault(segment.source, text)
        if origin == "memory":
            self.report.from_memory += 1
        else:
            self.report.repeats += 1
        return True

    def _copy_repeat(self, original: StoredSegment, segment: StoredSegment) -> None:
        if original.status in DONE and original.target:
            # The same text gets the same translation — and the same flags for review.
            self._save(segment, original.target, original.flags, "repeat", remember=False)
            self.report.repeats += 1
        else:
            reason = Flag("repeat_failed", {"segment": original.idx + 1}, blocking=True)
            self._fail(segment, [reason, *original.flags], "repeat")

    # -- model work -------------------------------------------------------------------------

    def _translate(self, segments: list[StoredSegment], target: Language,
                   source: Language | None) -> None:
        backend = self.backend()
        profile = profile_for_backend(backend, self.options.profile)
        lanes = self.options.parallel or backend.parallel
        lanes = max(1, min(lanes, len(segments)))
        self.report.lanes = lanes
        if self._model_started is None:
            self._model_started = time.perf_counter()
        stretches = Stretches(segments, lanes)
        if stretches.lanes == 1:
            self._lane(backend, profile, stretches, 0, target, source)
        else:
            threads = [threading.Thread(target=self._lane, name=f"pipeline-lane-{n}",
                                        args=(backend, profile, stretches, n, target, source),
                                        daemon=True)
                       for n in range(stretches.lanes)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        self.report.model_seconds = self._model_time()
        if self._lane_error is not None:
            raise self._lane_error

    _lane_error: BaseException | None = None

    def _lane(self, backend: Backend, profile: Profile, stretches: Stretches[StoredSegment],
              lane: int, target: Language, source: Language | None) -> None:
        try:
            self._run_lane(backend, profile, stretches, lane, target, source)
        except BaseException as exc:  # surfaced by _translate on the caller's thread
            self._lane_error = exc
            self.cancel_token.cancel()

    def _run_lane(self, backend: Backend, profile: Profile,
                  stretches: Stretches[StoredSegment], lane: int, target: Language,
                  source: Language | None) -> None:
        options = self.options
        budget = options.context_budget if options.context else 0
        window = ContextWindow(backend, budget)
        while True:
            self._claim()
            taken = None if self.cancel_token.cancelled else stretches.take(lane)
            if taken is None:
                with self._state:
                    self._in_flight -= 1
                return
            segment, elsewhere = taken
            if elsewhere:  # the end of another lane's stretch: its own neighbours
                window = ContextWindow(backend, budget)
            outcome = self._one(backend, profile, segment, target, source, window)
            if outcome is None:
                return
            if outcome.ok and not outcome.flags:
                window.add(outcome.turn, outcome.reply)

    def _one(self, backend: Backend, profile: Profile, segment: StoredSegment,
             target: Language, source: Language | None,
             window: ContextWindow) -> UnitOutcome | None:
        """One unit, counted in flight (by :meth:`_claim`) until its result is out."""
        try:
            return self._unit(backend, profile, segment, target, source, window)
        finally:
            with self._state:
                self._in_flight -= 1
            self._maybe_paused()

    def _unit(self, backend: Backend, profile: Profile, segment: StoredSegment,
              target: Language, source: Language | None,
              window: ContextWindow) -> UnitOutcome | None:
        glossary = self.options.glossary
        terms = glossary.term_pairs(segment.source) if glossary is not None else []
        previous = segment.status
        self.project.set_status(segment.idx, "translating")
        self._emit(UnitStarted(segment.idx))
        self._progress()
        context = window.turns
        if self.options.fuzzy_reference and self.project.source_lang:
            context += self._fuzzy_example(profile, segment, target, source)
        notes, durations = self.options.notes or {}, self.options.durations or {}
        request = UnitRequest(segment.source, target, source, terms, context, glossary,
                              self.options.max_tokens, notes.get(segment.idx, ""),
                              durations.get(segment.idx))
        try:
            outcome = translate_unit(
                backend, profile, request, cancel=self.cancel_token,
                on_piece=lambda piece: self._emit(UnitText(segment.idx, piece)),
                on_retry=lambda attempt: self._emit(UnitRetry(segment.idx, attempt)))
        except BaseException:
            self.project.set_status(segment.idx, previous)
            raise
        with self._state:
            self.report.model_calls += outcome.attempts
            self.report.evaluated_prompt_tokens += outcome.evaluated_prompt_tokens
            self.report.completion_tokens += outcome.completion_tokens
            self.report.repaired += outcome.repaired
        if outcome.cancelled:
            self.project.set_status(segment.idx, previous)  # neither done nor failed
            return None
        if outcome.ok:
            remember = self.options.remember_drafts and not outcome.flags
            self._save(segment, outcome.text, outcome.flags, "model", remember,
                       outcome.evaluated_prompt_tokens, outcome.repaired)
        elif self.options.force and previous in DONE and segment.target:
            # Retranslating failed: keep the text the user had, and say why.
            flags = (Flag("kept_previous"), *outcome.flags)
            self.project.set_status(segment.idx, previous)
            self._finish(segment.idx, segment.target, previous, flags, "model",
                         outcome.evaluated_prompt_tokens, failed=True)
        else:
            self._fail(segment, outcome.flags, "model", outcome.evaluated_prompt_tokens)
        return outcome

    def _fuzzy_example(self, profile: Profile, segment: StoredSegment, target: Language,
                       source: Language | None) -> list[Message]:
        matches = self.project.store.memory.fuzzy(self.project.source_lang,
                                                  self.project.target_lang, segment.source,
                                                  limit=1)
        if not matches:
            return []
        turn = [m for m in profile.translation_messages(matches[0].source, target, source)
                if m.role != "system"]
        return [*turn, Message("assistant", matches[0].target)]

    # -- results ----------------------------------------------------------------------------

    def _save(self, segment: StoredSegment, text: str, flags: Sequence[Flag], origin: str,
              remember: bool, evaluated: int = 0, repaired: bool = False) -> None:
        author = "memory" if origin == "memory" else "model"
        self.project.set_target(segment.idx, text, "draft", author, flags, remember=remember)
        self._finish(segment.idx, text, "draft", tuple(flags), origin, evaluated,
                     repaired=repaired)

    def _fail(self, segment: StoredSegment, flags: Sequence[Flag], origin: str,
              evaluated: int = 0) -> None:
        reasons = [f for f in flags if f.blocking] or list(flags) or [
            Flag("failed", blocking=True)]
        ordered = (*reasons, *[f for f in flags if f not in reasons])
        self.project.set_target(segment.idx, "", "error", "model", ordered, remember=False)
        self._finish(segment.idx, "", "error", ordered, origin, evaluated, failed=True)

    def _finish(self, index: int, text: str, status: str, flags: tuple[Flag, ...], origin: str,
                evaluated: int, failed: bool = False, repaired: bool = False) -> None:
        with self._state:
            self._done += 1
            if failed:
                self.report.failed += 1
            else:
                self.report.translated += 1
            if flags:
                self.report.problems.append((index, flags))
                if not failed:
                    self.report.flagged += 1
        self._emit(UnitFinished(index, text, status, flags, origin, evaluated, repaired))
        self._progress()


def translate(project: Project, backend: BackendSource, options: PipelineOptions | None = None,
              on_event: Callable[[Event], None] | None = None) -> PipelineReport:
    """Run a pipeline to the end (the common case for scripts and tests)."""
    return TranslationPipeline(project, backend, options, on_event).run()


__all__ = ["Event", "Paused", "PipelineError", "PipelineOptions", "PipelineReport", "Progress",
           "TranslationPipeline", "UnitFinished", "UnitRetry", "UnitStarted", "UnitText",
           "translate"]
