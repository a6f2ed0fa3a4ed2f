"""File ▸ Close document (Ctrl+W): the document on screen leaves the workspace.

Its translations are saved already (every edit is); closing lets go of its project
lock, its undo stack and its place in the picker, and shows the next open document —
or the empty workspace. A running translation or revision is not stopped unasked:
closing is refused with a sentence saying so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .workspace import TranslateWorkspace


def close_document(ws: TranslateWorkspace) -> bool:
    """Close the document on screen; False (and a message) when it cannot be now."""
    doc = ws.current
    if doc is None:
        return False
    if ws.runs.running or ws.revising.running:
        ws.show_message(ws.tr("The document is being worked on; stop it (Esc) before "
                              "closing it."), error=True)
        return False
    ws.delegate.commit_open_editors()
    path = doc.document.path
    ws.docs.pop(path, None)
    ws.opened = [p for p in ws.opened if Path(p) != path]
    if doc.project is not None and ws.store is not None:
        ws.store.release(doc.project)
    combo = ws.bar.document_combo
    blocked = combo.blockSignals(True)
    combo.removeItem(combo.findData(str(path)))
    following = combo.itemData(combo.currentIndex()) if combo.count() else None
    combo.blockSignals(blocked)
    ws.undo_group.setActiveStack(ws._empty_stack)
    ws.undo_group.removeStack(doc.undo)
    nxt = ws.docs.get(Path(following)) if following else None
    if nxt is not None:
        ws.opener.show_pair(nxt)
        ws.show_document(nxt)
        ws.opener.say_opened(nxt)
    else:
        ws.current = None
        ws.undoStackChanged.emit(ws._empty_stack)
        ws.model.set_rows([])
        ws.revising.clear()
        ws.bar.detected_name = ws.bar.detected_code = ""
        ws.bar.glossary_size = 0
        ws.bar.retranslate()
        ws.update_progress()
        ws.update_counts()
        ws.update_actions()
    ws.show_message(ws.tr("Closed {0}. Its translations are saved; open it again to go "
                          "on.").format(path.name))
    return True
