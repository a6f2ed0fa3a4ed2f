from __future__ import annotations

import pytest

from bayling_desktop.translation.glossary import Glossary, Term
from bayling_desktop.translation.langdetect import dominant_script, expected_script
from bayling_desktop.translation.qa import check_translation


@pytest.mark.parametrize(("source", "target", "code"), [
    ("Hello world", "  ", "empty"),
    ("Hello world", "Hello world", "identical"),
    ("The meeting starts at nine.", "The meeting starts at 9.", "untranslated"),
    ("Room 12 at 3 pm", "12号房间，下午4点", "numbers"),
    ("Room 12 at 3 pm", "12号房间", "numbers_missing"),
    ("Room 12 at 3 pm", "12号房间，下午3点，共5人", "numbers_added"),
    ("Click <1>here</1> now", "现在点击这里", "tag_missing"),
    ("This is a reasonably long sentence to translate.", "好", "length"),
    ("The cat sleeps on the mat.", "猫猫猫猫猫猫猫猫睡觉睡觉睡觉睡觉睡觉", "loop"),
    ("The cat sleeps.", "the cat the cat the cat the cat sleeps", "loop_sentence"),
    ("The cat sleeps.", "Provide the Chinese translation: 猫在睡觉。", "echo"),
    ("The cat sleeps.", "Here is the translation: 猫在睡觉。", "preamble"),
    ("We use cloud computing.", "我们使用云。", "glossary"),
])
def test_flags(source: str, target: str, code: str) -> None:
    glossary = Glossary([Term("cloud computing", "云计算")])
    flags = check_translation(source, target, "zh", glossary)
    assert code in [f.code for f in flags], flags


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("We open at 9 o'clock on Monday, 1,000 visitors.", "我们周一9点开门，1000位访客。", "zh"),
    ("Click <1>here</1> now", "现在点击<1>这里</1>", "zh"),
    ("我们使用云计算。", "We use cloud computing.", "en"),
    ("Guten Morgen, wie geht es Ihnen heute?", "Good morning, how are you today?", "en"),
    # the meaning checks stay quiet on faithful translations
    ("Are you sure?", "您确定吗", "zh"),
    ("Are you sure?", "よろしいですか？", "ja"),
    ("Cannot delete %(name)s", "无法删除 %(name)s", "zh"),
    ("This field is required; it cannot be empty.", "此字段为必填项，不能为空。", "zh"),
    ("- Fix the parser.", "- 修复解析器。", "zh"),
    ("Read the docs. Install it. Run `make`. Done.", "阅读文档，安装它。运行 `make`。完成。",
     "zh"),
])
def test_good_translations_have_no_flags(source: str, target: str, lang: str) -> None:
    glossary = Glossary([Term("云计算", "cloud computing")])
    assert check_translation(source, target, lang, glossary) == []


@pytest.mark.parametrize(("source", "target", "code"), [
    ("There’s been an error. It’s been reported to the site administrators via email and "
     "should be fixed shortly. Thanks for your patience.",
     "网站管理员已报告错误，应该尽快解决。感谢您的耐心。", "sentences_missing"),
    ("Bump GH actions by @chrisjsewell", "更新 GitHub 分支 `gh-actions` 的版本", "markup_added"),
    ("%(count)s selected", "%(count)s", "nothing_translated"),
    ("You have not saved it.", "你已经保存了。", "negation_lost"),
])
def test_meaning_lost_with_the_structure_intact(source: str, target: str, code: str) -> None:
    flags = check_translation(source, target, "zh", source_lang="en")
    assert code in [f.code for f in flags], flags


def test_a_missing_sentence_is_for_review_not_blocking() -> None:
    source = "One. Two is here. Three is there."
    flags = check_translation(source, "一。二在这里。", "zh", source_lang="en")
    assert [(f.code, f.blocking) for f in flags] == [("sentences_missing", False)]


def test_scripts() -> None:
    assert dominant_script("今日はいい天気") == "ja"
    assert dominant_script("Привет, мир") == "ru"
    assert dominant_script("123 !") is None
    assert (expected_script("zh-TW"), expected_script("uk"), expected_script("de")) == (
        "zh", "ru", "latin")


def test_glossary_matches_whole_words_in_latin_script() -> None:
    glossary = Glossary([Term("API", "接口"), Term("云", "cloud")])
    assert glossary.terms_for("A rapid test of the API.") == ["接口"]
    assert glossary.terms_for("rapid") == []
    assert glossary.terms_for("云计算") == ["cloud"]


def test_blocking_flags_mean_not_a_translation() -> None:
    def codes(source: str, target: str, lang: str, **kw: str) -> list[str]:
        return [f.code + ("!" if f.blocking else "")
                for f in check_translation(source, target, lang, source_lang="en", **kw)]

    assert codes("Please restart the server before installing the update.",
                 "Please restart the server before installing the update!", "de") == [
        "near_identical!"]
    assert codes("Please restart the server before installing the update.",
                 "Bitte starten Sie den Server neu, bevor Sie das Update installieren.",
                 "de") == []
    assert codes("Please restart the server before installing the update.",
                 "Please restart the server before you install this update.", "zh") == [
        "untranslated!"]
    assert codes("Make the tone more formal.", "更正式的翻译是：", "zh") == ["preamble!"]
    assert codes("The parcel arrives on Monday.", "更正式", "zh", instruction="更正式") == [
        "echo!"]
    assert codes("Python", "Python", "zh") == ["identical"]  # a name may stay: review only


@pytest.mark.parametrize(("source", "answer"), [
    ("RESPONSE", "好的，请提供您需要翻译的文本。"),
    ("Response from Shay Hill", "对不起，我无法协助完成这个请求。"),
    ("Par2", "Sure, could you clarify what Par2 means?"),
    ("Comment", "I'm sorry, but I can't help with that."),
])
def test_an_answer_to_the_request_is_not_a_translation(source: str, answer: str) -> None:
    flags = check_translation(source, answer, "zh", source_lang="en")
    assert flags and flags[0].blocking and flags[0].code == "chatter"


@pytest.mark.parametrize(("source", "translation"), [
    ("Sorry, I cannot come tomorrow.", "对不起，我明天不能来。"),
    ("Please provide your address.", "请提供您的地址。"),
    ("Good morning.", "早上好。"),
])
def test_an_apology_or_request_in_the_source_may_be_translated(source: str,
                                                               translation: str) -> None:
    assert not [f for f in check_translation(source, translation, "zh", source_lang="en")
                if f.blocking]


def test_subtitle_limits_follow_the_target_languages_norms() -> None:
    """17 characters a second reads fine in English; in Chinese the norm is 9."""
    english = check_translation("Good night, see you tomorrow.", "Gute Nacht, bis morgen.", "de",
                                seconds=2.0)
    assert not [f for f in english if f.code == "reading_speed"]
    chinese = check_translation("Good night, see you tomorrow.", "晚安，明天见，我们到时候再聊。",
                                "zh", seconds=1.5)
    speed = next(f for f in chinese if f.code == "reading_speed")
    assert speed.arguments == {"cps": "10", "limit": "9"} and not speed.blocking
    long_line = check_translation("A long line.", "这是一行非常非常非常非常长的中文字幕文本内容",
                                  "zh", seconds=10.0)
    assert [f.arguments for f in long_line if f.code == "line_length"] == [
        {"line": "1", "chars": "22", "limit": "16"}]


@pytest.mark.parametrize(("source", "translation", "looping"), [
    ("Go! Go! Go! Go!", "走！走！走！走！", False),
    ("We will fight, we will fight, we will fight, we will fight.",
     "我们会战斗，我们会战斗，我们会战斗，我们会战斗。", False),
    ("Go! Go! Go! Go!", "走！走！走！走！走！走！", True),
    ("The committee reviewed every proposal.", "委员会审查了所有提案。" * 25 + "委员", True),
])
def test_repetition_is_judged_against_the_sources_own(source: str, translation: str,
                                                      looping: bool) -> None:
    codes = [f.code for f in check_translation(source, translation, "zh", source_lang="en")]
    assert any(c.startswith("loop") for c in codes) == looping, codes


def test_placeholders_are_no_language() -> None:
    """Django's " By %(filter_title)s ": a short translation beside a placeholder whose
    name is English words is a translation, not text left in English."""
    assert check_translation(" By %(filter_title)s ", " 按 %(filter_title)s ", "zh",
                             source_lang="en") == []


def test_an_english_word_touching_chinese_is_still_residue() -> None:
    """Sphinx's "at least in version" came back "至 least在版本": the word has a Chinese
    character on one side, which a Unicode word boundary does not see."""
    flags = check_translation("This project needs the extension %s at least in version %s.",
                              "这个项目需要扩展 %s 至 least在版本 %s。", "zh", source_lang="en")
    assert [(f.code, f.arguments) for f in flags] == [("residue", {"words": "“least”"})]


def test_a_chinese_preamble_on_its_own_line_is_stripped_or_flagged() -> None:
    """Read in the integrity benchmark: "好的，以下是翻译后的中文：" before the translation."""
    from bayling_desktop.translation.request import clean_translation

    answer = "好的，以下是翻译后的中文：\n\n修复换行规则中可能的 ReDOS"
    assert clean_translation(answer, "fix possible ReDOS in newline rule") == (
        "修复换行规则中可能的 ReDOS")
    assert [f.code for f in check_translation("fix possible ReDOS in newline rule", answer,
                                              "zh", source_lang="en")] == ["preamble"]
    assert check_translation("Translation memory: how it works", "翻译记忆：它如何工作", "zh",
                             source_lang="en") == []


@pytest.mark.parametrize(("source", "target", "left"), [
    # a real paper's title through the embedded model: half a word translated
    ("Preemptive Information Extraction using Unrestricted Relation Discovery",
     "预emptive信息提取使用无监督关系发现", "“emptive”"),
    ("Add linkifier rule to inline chain", "将链接ifier规则添加到嵌套链中", "“ifier”"),
    # a word run into the acronym after it: "feasible IE systems"
    ("create all feasible IE systems in advance", "提前创建所有feasibleIE系统", "“feasible”"),
])
def test_a_source_word_broken_or_glued_is_residue(source: str, target: str, left: str) -> None:
    flags = check_translation(source, target, "zh", source_lang="en")
    assert [(f.code, f.arguments, f.blocking) for f in flags] == [
        ("residue", {"words": left}, True)], flags


@pytest.mark.parametrize(("source", "target"), [
    ("Call getHTML to read it.", "调用getHTML读取它。"),          # a name with an acronym
    ("PyMuPDF reads PDFs.", "PyMuPDF读取PDF。"),                   # a plural's stem
    ("Django's admin is great.", "Django的管理后台很好。"),          # a possessive
    ("Use JavaScript here.", "这里使用JavaScript。"),
])
def test_names_kept_whole_are_no_broken_words(source: str, target: str) -> None:
    assert check_translation(source, target, "zh", source_lang="en") == []


def test_a_name_given_back_as_another_name_is_for_review() -> None:
    """A paper's author line through the embedded model: Yusuke Shinyama → 马云."""
    flags = check_translation("Yusuke Shinyama", "马云", "zh", source_lang="en")
    assert [(f.code, f.arguments, f.blocking) for f in flags] == [
        ("names_rendered", {"name": "Yusuke Shinyama"}, False)]
    # a translation of everyday words is no name; a name kept as it is, is for review only
    assert check_translation("New York University", "纽约大学", "zh", source_lang="en") == []
    kept = check_translation("Satoshi Sekine", "Satoshi Sekine", "zh", source_lang="en")
    assert [(f.code, f.blocking) for f in kept] == [("identical", False)]
    copied = check_translation("Save Changes", "Save Changes", "zh", source_lang="en")
    assert [(f.code, f.blocking) for f in copied] == [("identical", True)]


def test_a_quotation_left_open_is_blocking() -> None:
    """WTForms' catalogue through the embedded model into Japanese: the corner bracket
    opened, the ASCII quote kept as the closing one."""
    flags = check_translation("'%(value)s' is not a valid choice for this field.",
                              "「%(value)s'は、このフィールドの値が不適切です。", "ja",
                              source_lang="en")
    assert [(f.code, f.arguments, f.blocking) for f in flags] == [
        ("quotes_unbalanced", {"marks": "「」"}, True)]
    assert check_translation("'%(value)s' is not a valid choice.",
                             "「%(value)s」は有効な選択肢ではありません。", "ja",
                             source_lang="en") == []
    # half a quotation in the source (it runs on into the next unit): nothing to hold to
    assert check_translation("He wrote: “Open the", "他写道：“打开", "zh",
                             source_lang="en") == []
