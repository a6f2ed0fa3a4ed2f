"""The one build hook pyproject.toml cannot declare: compile the UI translations.

Everything else about the package is in ``pyproject.toml``. ``build_py`` also turns the
Qt Linguist sources (``resources/i18n/*.ts``) into the ``.qm`` files the app loads, so
a wheel carries them and an editable install gets them in the source tree; the running
app never writes them. The compiler is ``bayling_desktop/ui/translation_build.py``
(standard library only), loaded by path because the package is not importable here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _translation_build():  # type: ignore[no-untyped-def]
    path = ROOT / "bayling_desktop" / "ui" / "translation_build.py"
    spec = importlib.util.spec_from_file_location("_bayling_translation_build", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):
    """``build_py``, then the ``.qm`` files into the package being built."""

    def run(self) -> None:
        super().run()
        build = _translation_build()
        if getattr(self, "editable_mode", False):  # the app runs from the source tree
            target = build.COMPILED_DIR
        else:
            target = Path(self.build_lib) / "bayling_desktop" / "resources" / "i18n"
        for path in build.compile_translations(build.SOURCE_DIR, target):
            print(f"compiled {path.name}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
