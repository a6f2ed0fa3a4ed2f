"""``bayling-desktop review``: the review round trip from the command line.

``review export PROJECT FILE.xlsx|.docx`` writes the bilingual review file of a project
(the name ``translate --project`` used, or the one the app shows); ``review import
PROJECT FILE`` takes the reviewer's changes in, exactly as *File ▸ Import review* does
(``translation/review.py``), and prints what changed, the conflicts (kept as proposals
for the app) and the comments. Exit status 3 when there are conflicts or rows that match
no segment, so a script notices.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "review", help="export or import a bilingual review file (.xlsx or .docx)",
        description="Export a project's bilingual review file, or import a reviewer's "
                    "edited one.")
    parser.add_argument("action", choices=("export", "import"))
    parser.add_argument("project", metavar="PROJECT", help="the project's name")
    parser.add_argument("file", metavar="FILE", type=Path, help="the .xlsx or .docx file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..storage.projects import ProjectStore
    from ..translation.glossary import project_glossary
    from ..translation.review import export_review, import_review

    with ProjectStore() as store:
        project = store.open(args.project)
        try:
            if args.action == "export":
                rows = export_review(project, args.file)
                print(f"{args.file}: {rows} segments for review.")
                return 0
            result = import_review(project, args.file, project_glossary(project))
        finally:
            store.release(project)
    print(f"{args.file}: {len(result.changed)} segments changed, {result.unchanged} "
          "unchanged.")
    for conflict in result.conflicts:
        print(f"segment {conflict.index + 1}: changed here since the export; the reviewer's "
              f"version waits as a proposal: {conflict.reviewer_text}")
    for unit_id in result.unknown:
        print(f"{unit_id}: no such segment in {project.name}; left out.")
    for index, comment in result.comments:
        print(f"segment {index + 1}, comment: {comment}")
    return 3 if result.conflicts or result.unknown else 0
