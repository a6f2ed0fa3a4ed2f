#!/usr/bin/env python3
"""Regenerate bayling_desktop/resources/common_words_en.txt from wordfreq's English list.

The verifier calls an English word left inside a Chinese, Japanese or Korean translation
*residue* when it is an everyday word (heal, inspire, govern, draft) — not a name or a
technical token people keep untranslated (Python, Linux, API, email). The list is the
20,000 most frequent English words (wordfreq 3.1, data CC BY-SA 4.0), letters only, at
least three of them, without the words translators keep as they are (KEPT below).

    pip install wordfreq && python3 scripts/make_common_words.py
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parent.parent / "bayling_desktop" / "resources" / \
    "common_words_en.txt"
#: brands, platforms and technical tokens a CJK translation normally keeps in Latin letters
KEPT = set("""
    android api apple app apps amazon bluetooth bool chrome cpu css csv email emails facebook
    firefox gmail google gpu gui html http https icloud int ios iphone ipad java javascript
    json linux mac macos microsoft mysql netflix ok okay online pdf php pip python ruby sql
    str tab token twitter ubuntu unicode unix url usb utf wifi windows wordpress xml youtube
    git github linkedin instagram whatsapp wechat paypal skype excel powerpoint outlook
    office word yahoo bing safari opera adobe photoshop intel amd nvidia samsung sony
    huawei xiaomi tesla ibm oracle cisco dell lenovo asus acer wiki emoji blog vlog
""".split())
COUNT = 20_000


def main() -> None:
    words = [w for w in top_n_list("en", COUNT) if w.isascii() and w.isalpha() and len(w) >= 3
             and w not in KEPT]
    OUT.write_text("\n".join(sorted(set(words))) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
