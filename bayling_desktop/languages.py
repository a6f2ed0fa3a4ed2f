"""Language codes and names.

Users and files speak BCP 47 (``zh``, ``zh-TW``, ``pt-BR``); BayLing's instructions
need a language *name* ("Chinese", "中文"). One table maps between them so the CLI,
the GUI pickers and the prompts agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import BaylingError


def primary_subtag(code: str) -> str:
    """``zh`` of ``zh-CN``, ``zh_CN`` or ``ZH``: what two codes must share to be one language."""
    return code.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class Language:
    code: str
    english: str
    chinese: str
    script: str = "Latn"

    def name(self, chinese: bool = False) -> str:
        return self.chinese if chinese else self.english

    def label(self, chinese: bool = False) -> str:
        """What a language picker shows: the name in the UI's language and the code."""
        return f"{self.name(chinese)} ({self.code})"


_TABLE: tuple[Language, ...] = (
    Language("zh", "Chinese", "中文", "Hans"),
    Language("zh-CN", "Simplified Chinese", "简体中文", "Hans"),
    Language("zh-TW", "Traditional Chinese", "繁体中文", "Hant"),
    Language("zh-HK", "Traditional Chinese (Hong Kong)", "繁体中文（香港）", "Hant"),
    Language("en", "English", "英文"),
    Language("ja", "Japanese", "日文", "Jpan"),
    Language("ko", "Korean", "韩文", "Kore"),
    Language("de", "German", "德文"),
    Language("fr", "French", "法文"),
    Language("es", "Spanish", "西班牙文"),
    Language("pt", "Portuguese", "葡萄牙文"),
    Language("pt-BR", "Brazilian Portuguese", "巴西葡萄牙文"),
    Language("it", "Italian", "意大利文"),
    Language("ru", "Russian", "俄文", "Cyrl"),
    Language("uk", "Ukrainian", "乌克兰文", "Cyrl"),
    Language("pl", "Polish", "波兰文"),
    Language("nl", "Dutch", "荷兰文"),
    Language("sv", "Swedish", "瑞典文"),
    Language("da", "Danish", "丹麦文"),
    Language("nb", "Norwegian", "挪威文"),
    Language("fi", "Finnish", "芬兰文"),
    Language("cs", "Czech", "捷克文"),
    Language("sk", "Slovak", "斯洛伐克文"),
    Language("hu", "Hungarian", "匈牙利文"),
    Language("ro", "Romanian", "罗马尼亚文"),
    Language("bg", "Bulgarian", "保加利亚文", "Cyrl"),
    Language("el", "Greek", "希腊文", "Grek"),
    Language("tr", "Turkish", "土耳其文"),
    Language("ar", "Arabic", "阿拉伯文", "Arab"),
    Language("he", "Hebrew", "希伯来文", "Hebr"),
    Language("fa", "Persian", "波斯文", "Arab"),
    Language("hi", "Hindi", "印地文", "Deva"),
    Language("bn", "Bengali", "孟加拉文", "Beng"),
    Language("ur", "Urdu", "乌尔都文", "Arab"),
    Language("th", "Thai", "泰文", "Thai"),
    Language("vi", "Vietnamese", "越南文"),
    Language("id", "Indonesian", "印尼文"),
    Language("ms", "Malay", "马来文"),
    Language("tl", "Tagalog", "他加禄文"),
    Language("sw", "Swahili", "斯瓦希里文"),
    Language("ca", "Catalan", "加泰罗尼亚文"),
    Language("hr", "Croatian", "克罗地亚文"),
    Language("sr", "Serbian", "塞尔维亚文", "Cyrl"),
    Language("sl", "Slovenian", "斯洛文尼亚文"),
    Language("lt", "Lithuanian", "立陶宛文"),
    Language("lv", "Latvian", "拉脱维亚文"),
    Language("et", "Estonian", "爱沙尼亚文"),
    Language("ka", "Georgian", "格鲁吉亚文", "Geor"),
    Language("hy", "Armenian", "亚美尼亚文", "Armn"),
    Language("kk", "Kazakh", "哈萨克文", "Cyrl"),
    Language("mn", "Mongolian", "蒙古文", "Cyrl"),
    Language("bo", "Tibetan", "藏文", "Tibt"),
    Language("ug", "Uyghur", "维吾尔文", "Arab"),
    Language("ta", "Tamil", "泰米尔文", "Taml"),
    Language("te", "Telugu", "泰卢固文", "Telu"),
    Language("km", "Khmer", "高棉文", "Khmr"),
    Language("lo", "Lao", "老挝文", "Laoo"),
    Language("my", "Burmese", "缅甸文", "Mymr"),
    Language("ne", "Nepali", "尼泊尔文", "Deva"),
    Language("si", "Sinhala", "僧伽罗文", "Sinh"),
    Language("af", "Afrikaans", "南非荷兰文"),
    Language("eo", "Esperanto", "世界语"),
    Language("la", "Latin", "拉丁文"),
)

_BY_CODE = {lang.code.lower(): lang for lang in _TABLE}
_BY_NAME = {lang.english.lower(): lang for lang in _TABLE} | {lang.chinese: lang for lang in _TABLE}
_ALIASES = {
    "zh-hans": "zh-CN", "zh-sg": "zh-CN", "zh-hant": "zh-TW", "zh-mo": "zh-HK",
    "cn": "zh", "jp": "ja", "kr": "ko", "no": "nb", "iw": "he", "in": "id",
    "mandarin": "zh", "chinese (simplified)": "zh-CN", "chinese (traditional)": "zh-TW",
    "汉语": "zh", "中文": "zh", "英语": "en", "日语": "ja", "韩语": "ko", "德语": "de",
    "法语": "fr", "西班牙语": "es", "俄语": "ru",
}


def all_languages() -> tuple[Language, ...]:
    return _TABLE


def resolve(value: str) -> Language:
    """Accept a BCP 47 code (``zh-TW``, ``pt_BR``) or a name (``Japanese``, ``日文``)."""
    raw = value.strip()
    if not raw:
        raise BaylingError("no_language_given")
    key = raw.replace("_", "-").lower()
    alias = _ALIASES.get(key) or _ALIASES.get(raw)
    if alias:
        return _BY_CODE[alias.lower()]
    if key in _BY_CODE:
        return _BY_CODE[key]
    if key in _BY_NAME or raw in _BY_NAME:
        return _BY_NAME.get(key) or _BY_NAME[raw]
    base = primary_subtag(key)
    if base in _BY_CODE:
        return _BY_CODE[base]
    raise BaylingError(
        "unknown_language_code_such", value=value
    )


def is_chinese(lang: Language) -> bool:
    return lang.code.lower().startswith("zh")


def same_language(declared: str, code: str) -> bool:
    """Whether a file declaring *declared* may hold a translation into *code*: the same
    primary subtag and, where both are known, the same script (zh_CN takes zh; zh_TW,
    written in another script, does not)."""
    if primary_subtag(declared) != primary_subtag(code):
        return False
    try:
        return resolve(declared).script == resolve(code).script
    except BaylingError:
        return True  # a regional code this app does not list: the language is the same
