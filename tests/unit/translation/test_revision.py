from __future__ import annotations

import pytest

from bayling_desktop.errors import BaylingError
from bayling_desktop.storage.projects import Project, ProjectError
from bayling_desktop.translation.pipeline import translate
from bayling_desktop.translation.revision import (
    RevisionThread,
    accept_candidates,
    reject_candidates,
    revise_document,
)
from tests.unit.conftest import SENTENCES

from .fakes import FakeBackend, fake_translation


@pytest.fixture
def translated(project: Project) -> Project:
    translate(project, FakeBackend())
    return project


def test_a_revision_is_a_candidate_until_accepted_and_can_be_undone(
        translated: Project) -> None:
    backend = FakeBackend()
    backend.revisions["更正式一些"] = "您的包裹将于周一送达。"
    thread = RevisionThread(translated, 0)
    pieces: list[str] = []
    revision = thread.revise(backend, "更正式一些", on_piece=pieces.append)
    assert revision.text == "您的包裹将于周一送达。" == "".join(pieces)
    first = fake_translation(SENTENCES[0])
    assert translated.segments[0].target == first  # not written until accepted
    assert thread.pending == revision.text
    # The thread survives a restart, pending candidate included.
    reopened = translated.store.open(translated.id)
    again = RevisionThread(reopened, 0)
    assert again.pending == revision.text and again.turns() == [("更正式一些", revision.text)]
    assert again.accept() == revision.text
    assert (reopened.segments[0].target, reopened.segments[0].status) == (revision.text,
                                                                          "edited")
    assert [e.author for e in reopened.history(0)][-1] == "model-revision"
    assert again.pending is None
    reopened.undo_target(0)
    assert reopened.segments[0].target == first
    assert RevisionThread(reopened, 0).pending == revision.text  # can be accepted again


def test_turns_share_the_prompt_prefix_of_the_previous_turn(translated: Project) -> None:
    backend = FakeBackend()
    thread = RevisionThread(translated, 1)
    thread.revise(backend, "Use a firmer tone.")
    thread.revise(backend, "Shorter, please.")
    first, second = backend.calls
    assert second[:len(first)] == first  # byte-identical history
    assert second[len(first)].role == "assistant"
    assert second[-1].content == "Shorter, please."
    assert first[0].content.startswith("Provide the Chinese translation for this sentence: ")


def test_reject_drops_the_turn_and_bad_requests_are_explained(translated: Project) -> None:
    backend = FakeBackend()
    thread = RevisionThread(translated, 2)
    thread.revise(backend, "more formal")
    thread.reject()
    assert thread.pending is None and len(thread.messages) == 2
    assert RevisionThread(translated, 2).messages == thread.messages
    with pytest.raises(ProjectError):
        thread.reject()
    with pytest.raises(BaylingError, match="what should change"):
        thread.revise(backend, "   ")
    translated.undo_target(3)
    with pytest.raises(ProjectError, match="no translation to revise"):
        RevisionThread(translated, 3).revise(backend, "more formal")


def test_a_typed_edit_starts_a_new_thread(translated: Project) -> None:
    backend = FakeBackend()
    RevisionThread(translated, 1).revise(backend, "more formal")
    translated.set_target(1, "它重十二公斤。", "edited", "user")
    thread = RevisionThread(translated, 1)
    assert [m.content for m in thread.start()][1] == "它重十二公斤。"
    assert len(thread.messages) == 2


def test_document_wide_instruction_makes_reviewable_candidates(translated: Project) -> None:
    backend = FakeBackend()
    batch = revise_document(backend, translated, "Use the polite form.", indexes=[0, 1, 2])
    candidates = translated.store.candidates(translated, batch)
    assert [c.idx for c in candidates] == [0, 1, 2]
    assert all(c.text.endswith("【改】") for c in candidates)
    assert translated.segments[0].target == fake_translation(SENTENCES[0])  # not yet
    accept_candidates(translated, candidates[:2])
    reject_candidates(translated, candidates[2:])
    assert translated.store.candidates(translated, batch) == []
    assert [translated.segments[i].target for i in (0, 1)] == [c.text for c in candidates[:2]]
    assert translated.segments[2].target == fake_translation(SENTENCES[2])
    # An accepted candidate becomes part of that segment's conversation.
    assert RevisionThread(translated, 0).turns() == [("Use the polite form.",
                                                      candidates[0].text)]


class GarbageReviser(FakeBackend):
    """Answers a document-wide instruction the ways small models do when they fail it."""

    def __init__(self, answers: dict[int, str]) -> None:
        super().__init__()
        self.answers = answers

    def _answer(self, messages):  # type: ignore[no-untyped-def]
        current = messages[-2].content
        for index, sentence in enumerate(SENTENCES):
            if current == fake_translation(sentence) and index in self.answers:
                return self.answers[index].replace("CURRENT", current)
        return super()._answer(messages)


def test_accept_all_takes_only_proposals_that_pass_the_checks(translated: Project) -> None:
    backend = GarbageReviser({
        0: "更正式",                       # the instruction echoed
        1: "更正式的翻译是：",              # a meta-answer with nothing after it
        2: "CURRENT",                      # unchanged: dropped
        3: "请您在表格上签字。",             # a real revision
        5: "The parcel will arrive on Monday, thank you.",  # not Chinese at all
    })
    batch = revise_document(backend, translated, "更正式")
    candidates = translated.store.candidates(translated, batch)
    by_index = {c.idx: c for c in candidates}
    assert 2 not in by_index                      # identical proposals are not shown
    assert by_index[3].flags == ()
    assert by_index[0].flags and by_index[1].flags and by_index[5].flags
    assert accept_candidates(translated, candidates) == 1 + (4 in by_index
                                                             and not by_index[4].flags)
    assert translated.segments[3].target == "请您在表格上签字。"
    assert translated.segments[0].target == fake_translation(SENTENCES[0])
    # A flagged one can still be accepted deliberately, one by one.
    assert accept_candidates(translated, [by_index[5]], include_flagged=True) == 1
    assert translated.segments[5].target.startswith("The parcel")


def test_an_explanation_is_marked_as_such(translated: Project) -> None:
    backend = FakeBackend()
    backend.revisions["Explain this choice"] = "这个翻译是：因为“包裹”是最常用的词。"
    revision = RevisionThread(translated, 0).revise(backend, "Explain this choice")
    assert revision.is_explanation


def test_a_translated_instruction_is_not_a_revision(translated: Project) -> None:
    from bayling_desktop.translation.revision import check_proposal

    translated.set_target(0, "包裹将于周一送达，请保持电话畅通。", "draft", "model")
    flags = check_proposal(translated, 0, "更正式。", "More formal.")
    assert [f.code for f in flags if f.blocking] == ["unrelated"]
    assert not check_proposal(translated, 0, "您的包裹将于周一送达，请您保持电话畅通。",
                              "More formal.")


def test_the_tag_instruction_pasted_into_a_translation_is_an_echo() -> None:
    from bayling_desktop.translation.qa import check_translation

    flags = check_translation("Click <1>Save</1>.", "点击<1>保存</1>。Keep every tag such as "
                              "<1>, </1> and <x2/> exactly as it is.", "zh")
    assert flags[0].code == "echo" and flags[0].blocking


def test_turns_start_after_the_first_answer_with_a_system_message(
        translated: Project) -> None:
    from bayling_desktop.translation.profiles import GENERIC

    backend = FakeBackend()
    thread = RevisionThread(translated, 0, profile=GENERIC)
    revision = thread.revise(backend, "Shorter.")
    assert thread.messages[0].role == "system"
    # (the instruction, the model's answer) — not (the first translation, the instruction)
    assert thread.turns() == [("Shorter.", revision.text)]


def test_an_edited_proposal_is_credited_to_the_translator(translated: Project) -> None:
    backend = FakeBackend()
    backend.revisions["更正式一些"] = "您的包裹将于周一送达。"
    thread = RevisionThread(translated, 0)
    thread.revise(backend, "更正式一些")
    assert thread.turn_authors() == ["model"]
    thread.accept()
    assert thread.turn_authors() == ["model"]
    assert translated.history(0)[-1].author == "model-revision"
    # the translator types their own version over the next proposal and accepts it
    thread.revise(backend, "更正式一些")
    thread.messages[-1] = type(thread.messages[-1])("assistant", "您的包裹周一送达。")
    thread.accept(author="user")
    assert translated.history(0)[-1].author == "user"
    assert thread.turn_authors()[-1] == "user"
