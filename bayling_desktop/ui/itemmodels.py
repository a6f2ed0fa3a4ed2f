"""What every item model here shares."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

#: the index types Qt hands to an item model's methods
Index = QModelIndex | QPersistentModelIndex
