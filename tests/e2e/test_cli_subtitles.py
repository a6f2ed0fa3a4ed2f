"""A subtitle file through the whole CLI, as a user runs it: a cp1252 SubRip file with
Windows line endings comes back with its cues, numbers, timings and line endings, in UTF-8
with one note (cp1252 cannot hold Chinese); a reply that answers with a cue of its own
never becomes a cue."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import srt

from bayling_desktop.commands import translate as translate_command
from tests.unit.translation.fakes import FakeBackend

SRT = ("1\r\n00:00:01,000 --> 00:00:03,000\r\nCafé au lait, s'il vous plaît.\r\n\r\n"
       "2\r\n00:00:04,000 --> 00:00:06,000\r\n{\\an8}Où est la gare ?\r\n"
       "C'est loin.\r\n\r\n")


def _args(path: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    translate_command.add_parser(parser.add_subparsers())
    return parser.parse_args(["translate", str(path), "--from", "fr", "--to", "zh"])


def test_a_cp1252_srt_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "film.srt"
    path.write_bytes(SRT.encode("cp1252"))
    backend = FakeBackend()
    # the first cue is answered with a cue of its own, as a confused model does
    backend.script["Café au lait, s'il vous plaît."] = [
        "牛奶咖啡。\n\n99\n00:00:00,000 --> 00:00:09,000\n我是新字幕"] * 8
    monkeypatch.setattr(translate_command, "open_backend", lambda args, settings: backend)
    translate_command.run(_args(path))
    err = capsys.readouterr().err
    data = (tmp_path / "film.zh.srt").read_bytes()
    assert b"\r\n" in data and b"\n\n" not in data.replace(b"\r\n", b"")
    cues = list(srt.parse(data.decode("utf-8")))
    assert [(c.index, c.start.total_seconds(), c.end.total_seconds()) for c in cues] == [
        (1, 1.0, 3.0), (2, 4.0, 6.0)]
    assert cues[1].content.startswith("{\\an8}") and len(cues[1].content.split("\n")) == 2
    assert ("note: film.srt: film.srt was in cp1252, which cannot hold the translation; it "
            "was written as UTF-8.") in err
    # the reply's would-be cue is text of cue 1 (or cue 1 kept its source), never a cue
    assert "-->" not in cues[0].content
