"""The model manager dialog: catalog, downloads, local library, remote server."""

from .manager import ManagerPage, ModelManagerDialog

__all__ = ["ManagerPage", "ModelManagerDialog"]
