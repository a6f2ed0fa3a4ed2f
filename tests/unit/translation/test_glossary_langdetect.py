from __future__ import annotations

from pathlib import Path

import pytest

from bayling_desktop.errors import DocumentError
from bayling_desktop.languages import resolve
from bayling_desktop.translation.glossary import Glossary, Term, load_glossary
from bayling_desktop.translation.langdetect import detect_language
from bayling_desktop.translation.profiles import BAYLING


def test_csv_tsv_and_tbx_glossaries(tmp_path: Path) -> None:
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("source,target\n云计算,cloud computing\n# note\n大模型,\"LLM, large\"\n",
                        encoding="utf-8")
    assert load_glossary(csv_file).as_dict() == {"云计算": "cloud computing",
                                                 "大模型": "LLM, large"}
    tsv = tmp_path / "g.tsv"
    tsv.write_text("API\t接口\n", encoding="utf-8")
    assert load_glossary(tsv).as_dict() == {"API": "接口"}
    tbx = tmp_path / "g.tbx"
    tbx.write_text("""<?xml version="1.0"?><martif type="TBX"><text><body>
      <termEntry id="1"><langSet xml:lang="en"><tig><term>server</term></tig></langSet>
      <langSet xml:lang="zh"><tig><term>服务器</term></tig></langSet></termEntry>
      </body></text></martif>""", encoding="utf-8")
    assert load_glossary(tbx).as_dict() == {"server": "服务器"}


def test_bad_glossary_lines_are_explained(tmp_path: Path) -> None:
    bad = tmp_path / "g.csv"
    bad.write_text("云计算\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="line 1"):
        load_glossary(bad)


def test_terms_in_the_prompt_and_violations() -> None:
    glossary = Glossary([Term("云计算", "cloud computing"), Term("服务器", "server")])
    source = "我们使用云计算。"
    terms = [t.target for t in glossary.matches(source)]
    assert terms == ["cloud computing"]
    pairs = [(t.source, t.target) for t in glossary.matches(source)]
    prompt = BAYLING.translation_messages(source, resolve("en"), resolve("zh"), pairs)
    assert prompt[-1].content.endswith("\n确保包含这些词：cloud computing")
    assert glossary.missing(source, "We use Cloud Computing.") == []
    assert glossary.missing(source, "We use the cloud.") == [Term("云计算", "cloud computing")]


@pytest.mark.parametrize(("text", "code"), [
    ("今天天气很好，我们去公园散步吧。", "zh"),
    ("今日はとても良い天気ですね、散歩しましょう。", "ja"),
    ("오늘은 날씨가 정말 좋네요 산책합시다", "ko"),
    ("Сегодня очень хорошая погода для прогулки", "ru"),
    ("The weather is very nice and we are going to the park.", "en"),
    ("Das Wetter ist heute sehr schön und wir gehen in den Park.", "de"),
    ("Le temps est très beau et nous allons dans le parc.", "fr"),
    # short interface strings of a gettext catalogue: English, not Portuguese
    ("a moment ago\n%d seconds ago\na minute from now\nan hour ago\nyesterday\ntoday",
     "en"),
    ("Open file\nSave as…\nClose all windows\nPrint a copy\nSelect all\nFind and replace",
     "en"),
    ("A casa é bonita e a rua é tranquila, mas não tem estacionamento para os carros.", "pt"),
    ("A entrega é feita a partir das nove horas.", "pt"),
])
def test_language_detection(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_short_text_falls_back_to_the_last_pair() -> None:
    assert detect_language("OK", fallback="zh") == "zh"
    assert detect_language("好", fallback="en") == "en"
