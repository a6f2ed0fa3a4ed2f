"""Plain text: one unit per paragraph (blank-line separated); line structure kept."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ...errors import DocumentError
from ...fileio import atomic_write_text
from ..encoding import read_text
from ..model import Document, Unit

_PARAGRAPH_BREAK = re.compile(r"(\r?\n[ \t]*){2,}")


class TextDocument(Document):
    format_name = "txt"

    def __init__(self, path: Path, pieces: list[str], unit_index: dict[int, str],
                 encoding: str, units: list[Unit]) -> None:
        super().__init__(path, units)
        #: alternating paragraphs and separators, joined back verbatim on export
        self._pieces = pieces
        self._unit_index = unit_index
        self.encoding = encoding

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        out = []
        for index, piece in enumerate(self._pieces):
            unit_id = self._unit_index.get(index)
            if unit_id is not None and unit_id in translations:
                lead = piece[: len(piece) - len(piece.lstrip())]
                trail = piece[len(piece.rstrip()):]
                out.append(lead + translations[unit_id] + trail)
            else:
                out.append(piece)
        atomic_write_text(out_path, "".join(out))


def load(path: Path) -> TextDocument:
    text, encoding = read_text(path)
    if not text.strip():
        raise DocumentError("document_empty", path=path.name)
    pieces: list[str] = []
    last = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        pieces.append(text[last:match.start()])
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(text[last:])
    units: list[Unit] = []
    unit_index: dict[int, str] = {}
    for index in range(0, len(pieces), 2):
        paragraph = pieces[index].strip()
        if paragraph:
            unit_id = f"p{len(units) + 1}"
            units.append(Unit(unit_id, paragraph))
            unit_index[index] = unit_id
    return TextDocument(path, pieces, unit_index, encoding, units)
