"""SubRip (.srt) and WebVTT (.vtt): one unit per cue; indexes, timings, cue settings and
the line breaks inside a cue stay as they were."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..fileio import atomic_write_text
from .encoding import read_text
from .model import Document, Unit


class SrtDocument(Document):
    format_name = "srt"

    def __init__(self, path: Path, subtitles: list[Any], units: list[Unit]) -> None:
        super().__init__(path, units)
        self._subtitles = subtitles

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        import srt

        out = []
        for number, cue in enumerate(self._subtitles):
            content = translations.get(f"cue-{number + 1}", cue.content)
            out.append(srt.Subtitle(cue.index, cue.start, cue.end, content, cue.proprietary))
        atomic_write_text(out_path, srt.compose(out, reindex=False))


def load_srt(path: Path) -> SrtDocument:
    import srt

    text, _encoding = read_text(path)
    if not text.strip():
        raise DocumentError(f"{path.name} is empty: there is nothing to translate.")
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        raise DocumentError(f"{path.name} is not a valid SubRip file ({exc}).") from None
    units = [Unit(f"cue-{n + 1}", cue.content.strip(), "cue")
             for n, cue in enumerate(subtitles) if cue.content.strip()]
    return SrtDocument(path, subtitles, units)


class VttDocument(Document):
    format_name = "vtt"

    def __init__(self, path: Path, vtt: Any, units: list[Unit]) -> None:
        super().__init__(path, units)
        self._vtt = vtt

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        captions = self._vtt.captions
        originals = [caption.text for caption in captions]
        try:
            for number, caption in enumerate(captions):
                key = f"cue-{number + 1}"
                if key in translations:
                    caption.text = translations[key]
            content = self._vtt.content
        finally:
            for caption, text in zip(captions, originals, strict=True):
                caption.text = text
        atomic_write_text(out_path, content)


def load_vtt(path: Path) -> VttDocument:
    import webvtt
    from webvtt.errors import MalformedFileError

    text, _encoding = read_text(path)
    if not text.strip():
        raise DocumentError(f"{path.name} is empty: there is nothing to translate.")
    try:
        vtt = webvtt.from_string(text)
    except (MalformedFileError, ValueError) as exc:
        raise DocumentError(f"{path.name} is not a valid WebVTT file ({exc}).") from None
    units = [Unit(f"cue-{n + 1}", caption.text.strip(), "cue")
             for n, caption in enumerate(vtt.captions) if caption.text.strip()]
    return VttDocument(path, vtt, units)
