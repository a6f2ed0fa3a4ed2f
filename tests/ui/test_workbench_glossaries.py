"""Edit ▸ Glossaries: a client glossary made once is used by the next document of the
same client, from the menu and its keys, with TBX in and out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.translation.glossary import load_glossary
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.translate.glossaries_dialog import GlossariesDialog

MakeWindow = Callable[[Settings], MainWindow]

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
 <termEntry id="c1"><note>the other party</note>
  <langSet xml:lang="en"><tig><term>Supplier</term>
   <termNote type="partOfSpeech">noun</termNote></tig></langSet>
  <langSet xml:lang="zh"><tig><term>供应商</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_a_client_glossary_made_in_one_document_checks_the_next(
        make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(Settings(source_language="en", target_language="zh"))
    window.stack.setCurrentWidget(window.tabs)
    ws = window.translate
    first = tmp_path / "contract.txt"
    first.write_text("The Supplier signs.\n", encoding="utf-8")
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([first])
    ws.table.setFocus()
    qtbot.keyClick(ws.table, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialogs = [d for d in window.findChildren(GlossariesDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    acme = dialog.create_glossary("ACME Corp")
    assert acme is not None and dialog.selected_id() == acme
    source = tmp_path / "acme.tbx"
    source.write_text(TBX, encoding="utf-8")
    assert dialog.import_file(source) == 1
    assert dialog.glossaries.currentItem().text() == "ACME Corp (1 terms)"
    dialog.default_button.click()  # new documents get it
    assert "default" in dialog.glossaries.currentItem().text()
    item = dialog.glossaries.currentItem()
    item.setCheckState(Qt.CheckState.Checked)  # and this document uses it now
    doc = ws.current
    assert doc is not None and [t.target for t in doc.glossary.terms] == ["供应商"]
    assert ws.bar.glossary_button.text() == "Glossary (1)…"
    out = tmp_path / "out.tbx"
    assert dialog.export_file(out)
    [term] = load_glossary(out).terms
    assert (term.note, term.pos) == ("the other party", "noun")
    dialog.close()
    # the same client's next file: the term is there and its translation is checked
    second = tmp_path / "order.txt"
    second.write_text("The Supplier delivers.\n", encoding="utf-8")
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([second])
    doc = ws.current
    assert doc is not None and doc.document.path == second
    assert [t.source for t in doc.glossary.terms] == ["Supplier"]
    ws.model.setData(ws.model.index(0, 2), "卖方交货。")
    assert ws.model.row(0).flagged
