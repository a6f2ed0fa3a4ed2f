from __future__ import annotations

import pytest

from bayling_desktop.ui.translate.qa import quick_checks


@pytest.mark.parametrize(("source", "target", "flag"), [
    ("Hello world", "", "Empty"),
    ("Hello world", "Hello world", "identical"),
    ("Room 12 at 3 pm", "12号房间，下午4点", "Numbers"),
    ("This is a reasonably long sentence to translate.", "好", "Suspicious length"),
    ("The cat sleeps on the mat.", "猫猫猫猫猫猫猫猫睡觉睡觉睡觉睡觉睡觉", "repeats"),
    ("The cat sleeps.", "Provide the Chinese translation: 猫在睡觉。", "echoed"),
])
def test_flags(source: str, target: str, flag: str) -> None:
    assert any(flag in f for f in quick_checks(source, target))


def test_a_good_translation_has_no_flags() -> None:
    assert quick_checks("We open at 9 o'clock on Monday.", "我们周一9点开门。") == []
