"""The document's segments as a table: source and translation side by side.

One row per segment keeps source and target aligned and scrolling together by
construction. Word counts, subtitle timing limits and the row flags live here so the
table, the filter and "next flagged" all see the same facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...documents.tags import strip_tags
from ...flags import Flag
from ...storage.project_schema import StoredSegment
from ...translation.qa import subtitle_flags
from ..flag_text import flag_text
from ..itemmodels import Index

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def count_words(text: str) -> int:
    """Words as translators bill them: each CJK character counts, Latin words by spaces."""
    plain = strip_tags(text)
    wide = len(_CJK.findall(plain))
    return wide + len(_WORD.findall(_CJK.sub(" ", plain)))


def count_chars(text: str) -> int:
    """Characters without tags and whitespace."""
    return sum(1 for char in strip_tags(text) if not char.isspace())


def clock(seconds: float) -> str:
    """A subtitle timecode: 00:01:02,500."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d},{rest % 1000:03d}"


@dataclass
class SegmentRow(StoredSegment):
    """A segment as the table shows it: the one segment type (its status and flag codes
    as stored) plus what only the view needs."""

    #: (start, end) in seconds for subtitle cues
    timing: tuple[float, float] | None = None
    #: the best translation-memory match of the source, in % (None: none above 75 %)
    match: float | None = None
    #: the target language, whose norms the subtitle limits follow ("" : Latin-script norms)
    target_lang: str = ""

    def reading(self) -> tuple[float, int] | None:
        """(characters per second, longest line) of the translation, for subtitles."""
        if self.timing is None or not self.target.strip():
            return None
        text = strip_tags(self.target)
        duration = max(self.timing[1] - self.timing[0], 0.001)
        characters = sum(len(line.strip()) for line in text.splitlines())
        return characters / duration, max((len(line.strip()) for line in text.splitlines()),
                                          default=0)

    def all_flags(self) -> list[Flag]:
        """The stored quality flags plus the subtitle limits the translation breaks (the
        verifier's, by the target language's norms: the CLI flags the same)."""
        flags = list(self.flags)
        if self.timing is not None and self.target.strip():
            flags += [f for f in subtitle_flags(self.target, self.timing[1] - self.timing[0],
                                                self.target_lang) if f not in flags]
        return flags

    @property
    def flagged(self) -> bool:
        return self.status == "error" or bool(self.all_flags())

    @property
    def exported(self) -> bool:
        """Whether the translation goes into the exported file (else the source does)."""
        return self.done and bool(self.target.strip())

    @property
    def warned(self) -> bool:
        """A translation that goes out but needs a look: the rows' ⚠, the export
        dialog's and the run summary's "flagged" are all this one test."""
        return self.exported and bool(self.all_flags())


@dataclass(frozen=True)
class ReviewCounts:
    """What is left to look at in a document: one count for every place that says it."""

    untranslated: int
    flagged: int
    failed: int


def review_counts(rows: list[SegmentRow]) -> ReviewCounts:
    return ReviewCounts(untranslated=sum(1 for r in rows if not r.exported),
                        flagged=sum(1 for r in rows if r.warned),
                        failed=sum(1 for r in rows if r.status == "error"))


class SegmentTableModel(QAbstractTableModel):
    NUMBER, SOURCE, TARGET, STATUS, MATCH = range(5)
    StatusRole = Qt.ItemDataRole.UserRole + 1
    FlagsRole = Qt.ItemDataRole.UserRole + 2
    SegmentRole = Qt.ItemDataRole.UserRole + 3

    # the user edited a translation in place: (segment index, new text)
    targetEdited = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SegmentRow] = []

    # -- content ------------------------------------------------------------------------

    def set_rows(self, rows: list[SegmentRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[SegmentRow]:
        return list(self._rows)

    def row(self, number: int) -> SegmentRow:
        return self._rows[number]

    def update_row(self, number: int, **changes: Any) -> None:
        row = self._rows[number]
        for key, value in changes.items():
            setattr(row, key, value)
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.MATCH))

    def append_targets(self, pieces: dict[int, str]) -> None:
        """Streamed text for rows being translated (several at once): one repaint each."""
        for number, text in pieces.items():
            self._rows[number].target += text
            target = self.index(number, self.TARGET)
            self.dataChanged.emit(target, target)

    def counts(self) -> tuple[int, int]:
        done = sum(1 for r in self._rows if r.done)
        return done, len(self._rows)

    # -- Qt model -----------------------------------------------------------------------

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.StatusRole] = QByteArray(b"status")
        names[self.FlagsRole] = QByteArray(b"flags")
        names[self.SegmentRole] = QByteArray(b"segment")
        return names

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("#"), self.tr("Source"), self.tr("Translation"),
                self.tr("Status"), self.tr("TM"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == self.StatusRole:
            return row.status
        if role == self.FlagsRole:
            return row.all_flags()
        if role == self.SegmentRole:
            return row.idx
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NUMBER:
                return str(row.idx + 1)
            if column == self.SOURCE:
                return row.source
            if column == self.TARGET:
                return row.target
            if column == self.STATUS:
                return self._status_text(row)
            if column == self.MATCH:
                return f"{row.match:.0f}%" if row.match is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if row.flagged:
                return QBrush(QColor("#c0392b"))
            if row.done:
                return QBrush(QColor("#1e8449"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # every cell starts at the top, like the painted (chips, terms) cells: a "#"
            # at the top beside vertically centred text read as misaligned
            horizontal = (Qt.AlignmentFlag.AlignRight if column == self.NUMBER
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        return None

    def _tooltip(self, row: SegmentRow) -> str | None:
        lines = [flag_text(flag) for flag in row.all_flags()]
        if row.timing is not None:
            lines.insert(0, f"{clock(row.timing[0])} → {clock(row.timing[1])}")
        return "\n".join(lines) if lines else None

    def status_name(self, status: str) -> str:
        names = {"new": self.tr("new"), "translating": self.tr("translating…"),
                 "draft": self.tr("draft"), "edited": self.tr("edited"),
                 "approved": self.tr("approved"), "error": self.tr("error")}
        return names.get(status, status)

    def _status_text(self, row: SegmentRow) -> str:
        text = self.status_name(row.status)
        if row.warned:
            text += " ⚠"
        if row.timing is not None:
            text += f"\n{clock(row.timing[0])}\n{clock(row.timing[1])}"
            reading = row.reading()
            if reading is not None:
                text += "\n" + self.tr("{0:.0f} cps · {1} cpl").format(*reading)
        return text

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = super().flags(index)
        if index.column() == self.TARGET:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() != self.TARGET or not isinstance(value, str)):
            return False
        row = self._rows[index.row()]
        if value == row.target:
            return False
        # The workspace records the edit (undo, storage) and then updates the row.
        self.targetEdited.emit(row.idx, value)
        return True
