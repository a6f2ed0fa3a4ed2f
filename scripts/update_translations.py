#!/usr/bin/env python3
"""Refresh the Qt Linguist sources in resources/i18n/ from the code.

Runs ``pyside6-lupdate`` over every module of the package. GUI text is written as
``self.tr("…")`` in the QObject class that shows it, or as
``QCoreApplication.translate("Context", "…")`` literally, so the context lupdate files a
text under is the one Qt looks it up in at run time. With ``--fill FILE.json``
({"English": "中文", …}) the unfinished messages whose source text is in FILE get that
translation (texts that moved to another class keep their Chinese this way). Afterwards
translate what is left in Qt Linguist (``pyside6-linguist``) and check with ``--check``
that nothing is unfinished.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "i18n"


def _lupdate(ts: Path, drop_obsolete: bool) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted(str(p) for p in (ROOT / "bayling_desktop").rglob("*.py"))
    command = [str(tool), *files, "-ts", str(ts), "-locations", "none"]
    if drop_obsolete:
        command.append("-no-obsolete")
    subprocess.run(command, check=True, capture_output=True, text=True)


def _drop_comments(root: ET.Element) -> None:
    """lupdate reads Python's ``#:`` attribute comments as notes for translators."""
    for message in root.iter("message"):
        for comment in message.findall("extracomment"):
            message.remove(comment)


def _fill(root: ET.Element, table: dict[str, str]) -> int:
    filled = 0
    for message in root.iter("message"):
        translation = message.find("translation")
        text = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished" and (
                text in table):
            translation.text = table[text]
            translation.attrib.pop("type")
            filled += 1
    return filled


def unfinished(root: ET.Element) -> list[tuple[str, str]]:
    return [(context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context") for message in context.iter("message")
            if (t := message.find("translation")) is not None and t.get("type") == "unfinished"]


def _write(tree: ET.ElementTree, ts: Path) -> None:
    root = tree.getroot()
    root.text = "\n"  # lupdate's layout: contexts at the margin, the rest indented
    for context in root:
        ET.indent(context, space="    ")
        context.tail = "\n"
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fill", type=Path, help="JSON table of source text → translation")
    parser.add_argument("--drop-obsolete", action="store_true",
                        help="remove texts the code no longer has")
    parser.add_argument("--check", action="store_true",
                        help="only report unfinished messages (exit 1 if any)")
    args = parser.parse_args()
    table = json.loads(args.fill.read_text(encoding="utf-8")) if args.fill else {}
    missing = 0
    for ts in sorted(SOURCES.glob("*.ts")):
        if not args.check:
            _lupdate(ts, args.drop_obsolete)
        tree = ET.parse(ts)
        root = tree.getroot()
        if not args.check:
            _drop_comments(root)
            filled = _fill(root, table)
            _write(tree, ts)
            print(f"{ts.name}: {filled} filled")
        left = unfinished(root)
        for context, text in left:
            print(f"  unfinished [{context}] {text}")
        missing += len(left)
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
