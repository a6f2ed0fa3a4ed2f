"""SubRip (.srt) and WebVTT (.vtt): one unit per cue; everything else is written back as
it was.

Export puts each translated cue's content back into the original text at its place, so
indexes, cue ids, timings in their own form (``00:16.500`` stays so), cue settings,
``NOTE``/``STYLE``/``REGION`` blocks, the byte-order mark, the line endings (CRLF stays
CRLF) and the encoding (UTF-16, cp1252…) are all kept; when the encoding cannot hold
the translation (cp1252 has no Chinese) the file is written as UTF-8 and the user is told
once. A cue's content goes through :mod:`.cuetext` (tags, line count) and
:mod:`.structure` (a reply can never add a cue).
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from pathlib import Path

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...sentences import Sentence
from ..encoding import read_text
from ..model import Document, Unit
from ..structure import keep_out
from ..tags import strip_tags
from .cuetext import CueText

__all__ = ["CueText", "SrtDocument", "VttDocument", "load_srt", "load_vtt"]




def _units(contents: list[str]) -> tuple[list[Unit], dict[str, CueText]]:
    units: list[Unit] = []
    cues: dict[str, CueText] = {}
    for number, content in enumerate(contents):
        if not content.strip():
            continue
        cue = CueText(content.strip())
        unit_id = f"cue-{number + 1}"
        cues[unit_id] = cue
        # which void tags are line breaks: a CPS/CPL counter splits lines on them
        units.append(Unit(unit_id, cue.tagged, "cue",
                          meta={"line_breaks": [f"<x{n}/>" for n in cue.breaks]}))
    return units, cues


def _time(units: list[Unit], times: list[tuple[float, float]]) -> None:
    """Each cue unit's start and end in seconds (``meta``), for the reading-speed check."""
    for unit in units:
        position = int(unit.id.rsplit("-", 1)[1]) - 1
        if position < len(times):
            unit.meta.update(start=float(times[position][0]), end=float(times[position][1]))


class _Subtitles(Document):
    def __init__(self, path: Path, units: list[Unit], cues: dict[str, CueText]) -> None:
        super().__init__(path, units)
        self._cues = cues
        #: the file's own encoding and line ending, written back as they were
        self.encoding = "utf-8"
        self.newline = "\n"

    def keep_form(self, encoding: str, text: str, path: Path) -> None:
        """Remember how the file was written: its encoding (with the byte order of a
        UTF-16/32 byte-order mark) and its line ending."""
        if encoding in ("utf-16", "utf-32"):
            with path.open("rb") as handle:
                head = handle.read(4)
            big = head.startswith((codecs.BOM_UTF32_BE, codecs.BOM_UTF16_BE))
            if encoding == "utf-32":
                big = head.startswith(codecs.BOM_UTF32_BE)
            encoding += "-be" if big else "-le"
            self._bom = True
        self.encoding = encoding
        crlf = text.count("\r\n")
        self.newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"

    _bom = False

    def _write(self, out_path: Path, text: str) -> None:
        """*text* (``\n`` line ends) in the file's own encoding and line endings."""
        text = text.replace("\r\n", "\n").replace("\n", self.newline)
        encoding = self.encoding
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            self.notice(Sentence("encoding_changed", path=self.path.name, encoding=encoding))
            data = text.encode("utf-8-sig" if encoding == "utf-8-sig" else "utf-8")
        else:
            if self._bom:
                data = ("\ufeff").encode(encoding) + data
        atomic_write_bytes(out_path, data)

    def _contents(self, originals: list[str], translations: Mapping[str, str]) -> list[str]:
        self.flagged = {}
        out = []
        for number, original in enumerate(originals):
            key = f"cue-{number + 1}"
            if key in translations and key in self._cues:
                content, flags = self._cues[key].rebuild(translations[key])
                content, injected = keep_out(self.format_name, content, original)
                # structure the reply held that the line count already joined away is named
                # all the same: the model answered with file syntax
                attempted = keep_out(self.format_name, strip_tags(translations[key]),
                                     original)[1]
                injected += [flag for flag in attempted if flag not in injected]
                if flags or injected:
                    self.flagged[key] = [*injected, *flags]
                out.append(content)
            else:
                out.append(original)
        return out

    def _splice(self, text: str, spans: list[tuple[int, int]],
                translations: Mapping[str, str]) -> str:
        """*text* with each cue's content span replaced by its translated content."""
        contents = self._contents([text[a:b] for a, b in spans], translations)
        out: list[str] = []
        last = 0
        for (start, end), content in zip(spans, contents, strict=True):
            original = text[start:end]
            lead = original[:len(original) - len(original.lstrip())]
            trail = original[len(original.rstrip()):] if original.strip() else ""
            out += [text[last:start], lead + content.strip() + trail if content.strip() else
                    original]
            last = end
        out.append(text[last:])
        return "".join(out)


class _SplicedSubtitles(_Subtitles):
    """A subtitle file written back by splicing each cue's translation into the original
    text at the cue's span: everything between cues stays byte for byte."""

    def __init__(self, path: Path, text: str, spans: list[tuple[int, int]], units: list[Unit],
                 cues: dict[str, CueText]) -> None:
        super().__init__(path, units, cues)
        self._text = text
        self._spans = spans

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        self._write(out_path, self._splice(self._text, self._spans, translations))


class SrtDocument(_SplicedSubtitles):
    format_name = "srt"


def _srt_spans(text: str) -> list[tuple[int, int]]:
    """Where each cue's content is in *text*, cue by cue as the srt library reads them."""
    import srt

    return [match.span(5) for match in srt.SRT_REGEX.finditer(text)]


def load_srt(path: Path) -> SrtDocument:
    import srt

    raw, encoding = read_text(path)
    if not raw.strip():
        raise DocumentError("document_empty", path=path.name)
    text = raw.replace("\r\n", "\n")
    try:
        count = sum(1 for _ in srt.parse(text))
    except srt.SRTParseError as exc:
        # the library speaks of match offsets; a user needs the line and what is on it
        at = getattr(exc, "expected_start", None)
        if isinstance(at, int):
            unmatched = str(getattr(exc, "unmatched_content", ""))
            at += len(unmatched) - len(unmatched.lstrip())  # where the stray text starts
            line = text.count("\n", 0, at) + 1
            shown = " ".join(unmatched.split())[:40]
            reason: Sentence | str = Sentence("srt_no_cue_on_line", line=line, text=shown)
        else:
            reason = str(exc)
        raise DocumentError("not_valid_subrip_file_reason", path=path.name,
                            reason=reason) from None
    spans = _srt_spans(text)
    if len(spans) != count:
        raise DocumentError("not_valid_subrip_file", path=path.name)
    units, cues = _units([text[a:b] for a, b in spans])
    times = [(srt.srt_timestamp_to_timedelta(m.group(2)).total_seconds(),
              srt.srt_timestamp_to_timedelta(m.group(3)).total_seconds())
             for m in srt.SRT_REGEX.finditer(text)]
    _time(units, times)
    document = SrtDocument(path, text, spans, units, cues)
    document.keep_form(encoding, raw, path)
    return document


class VttDocument(_SplicedSubtitles):
    format_name = "vtt"


def _vtt_spans(text: str, payloads: list[str]) -> list[tuple[int, int]] | None:
    """Where each cue's payload is in *text*, following webvtt-py's reading of the file
    (*payloads*, its captions' text in order): a block ends at an empty line, or where a
    line with ``-->`` cannot be the current block's timing line; a cue block has its
    timing line first or after an id. None when the two readings disagree."""
    from webvtt.vtt import WebVTTCueBlock

    blocks: list[list[tuple[int, str]]] = [[]]
    offset = 0
    for line in text.split("\n"):
        block = blocks[-1]
        starts_new = bool(block) and "-->" in line and (
            len(blocks) == 1 or len(block) > 1 or "-->" in block[0][1])
        if (not line or starts_new) and block:
            blocks.append([])
        if line:
            blocks[-1].append((offset, line))
        offset += len(line) + 1
    spans: list[tuple[int, int]] = []
    wanted = iter(payloads)
    expected = next(wanted, None)
    for block in blocks[1:] if len(blocks) > 1 else []:
        lines = [line for _o, line in block]
        if expected is None or not WebVTTCueBlock.is_valid(lines):
            continue
        timing = 0 if "-->" in lines[0] else 1
        payload = block[timing + 1:]
        if "\n".join(line for _o, line in payload) != expected:
            continue  # a cue the library dropped (settings it could not read)
        end = block[-1][0] + len(block[-1][1])
        spans.append((payload[0][0], end) if payload else (end, end))
        expected = next(wanted, None)
    return spans if expected is None and len(spans) == len(payloads) else None


def load_vtt(path: Path) -> VttDocument:
    import webvtt
    from webvtt.errors import MalformedFileError

    raw, encoding = read_text(path)
    if not raw.strip():
        raise DocumentError("document_empty", path=path.name)
    text = raw.replace("\r\n", "\n")
    try:
        captions = webvtt.from_string(text).captions
    except (MalformedFileError, ValueError) as exc:
        raise DocumentError("not_valid_webvtt_file_reason", path=path.name, error=exc) from None
    spans = _vtt_spans(text, [caption.raw_text for caption in captions])
    if spans is None:
        raise DocumentError("not_valid_webvtt_file", path=path.name)
    units, cues = _units([text[a:b] for a, b in spans])
    _time(units, [(c.start_in_seconds, c.end_in_seconds) for c in captions])
    document = VttDocument(path, text, spans, units, cues)
    document.keep_form(encoding, raw, path)
    return document
