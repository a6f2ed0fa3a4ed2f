"""Documents: read a file into translatable units and write it back translated.

``open_document(path)`` picks the format module by extension; each module exposes
``load(path) -> Document``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocumentError
from .model import Document, Unit

__all__ = ["Document", "Unit", "default_output_path", "open_document", "supported_extensions"]

_LOADERS = {
    ".txt": "txt",
    ".text": "txt",
}


def supported_extensions() -> tuple[str, ...]:
    return tuple(sorted(_LOADERS))


def open_document(path: str | Path) -> Document:
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{path} does not exist.")
    if path.is_dir():
        raise DocumentError(f"{path} is a folder, not a file.")
    module_name = _LOADERS.get(path.suffix.lower())
    if module_name is None:
        known = ", ".join(supported_extensions())
        raise DocumentError(f"{path.name}: this file type is not supported (supported: {known}).")
    import importlib

    module = importlib.import_module(f"{__name__}.{module_name}")
    document: Document = module.load(path)
    return document


def default_output_path(path: Path, lang_code: str) -> Path:
    """``NAME.LANG.EXT`` beside the input."""
    return path.with_name(f"{path.stem}.{lang_code}{path.suffix}")
