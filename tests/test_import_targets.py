"""No wrong target, ever: every operation the importer makes binds to the element its text means.

A draft that changes the wrong element (a section's title read as the resolution's) is worse than one that
reads nothing: a miss is seen and filled in, a wrong target is applied. The corpus (tests/fixtures/targets/,
each text written by hand with its act beside it) puts title sentences and other scoped sentences in every
scope: right after point 1's lead-in, the plan's frame, a section's and a subsection's heading sentence,
further down a scope, in sub-points, a heading sentence and its first change printed in one paragraph. Each
text is read as written and in the reference bank's extracted layouts; each operation made is checked for
its target (kind, section, subsection, row, column, element, code), and the count of wrong targets is 0.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import ROOT
from layout import bank_layout, harder_layout
from test_import_corpus import _import, score

from amend import load_amendment
from amend.engine.amendment import Amendment
from amend.engine.operations import Operation
from amend.importer.act.draft import Draft

TARGETS = ROOT / "tests" / "fixtures" / "targets"
ACTS = sorted(TARGETS.glob("*.yaml"))
_KEYS = ("section", "subsection", "row", "column", "element", "code", "number", "id")


def target(op: Operation) -> tuple[str, ...]:
    """What an operation binds to: its kind and every key that names an element (not the new texts)."""
    return (op.op, *(f"{k}={getattr(op, k)}" for k in _KEYS if getattr(op, k, None) is not None))


def wrong_targets(act: Amendment, draft: Draft) -> list[tuple[tuple[str, ...], tuple[str, ...] | None]]:
    """The operations made whose target is not the act's (a missed operation is a miss, not a wrong target)."""
    want = [target(op) for op in act.operations]
    made = [target(op.operation) for op in draft.operations if op.operation is not None]
    wrong: list[tuple[tuple[str, ...], tuple[str, ...] | None]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=want, b=made, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            wrong.extend((m, want[i1 + k] if i1 + k < i2 else None) for k, m in enumerate(made[j1:j2]))
    return wrong


def _layouts(text: str) -> list[tuple[str, str]]:
    out = [("as written", text)]
    out += [(f"bank {seed}", bank_layout(text, seed)) for seed in range(300, 304)]
    out += [(f"harder {seed}", harder_layout(text, seed)) for seed in range(310, 312)]
    return out


def test_the_target_corpus_has_texts_on_both_plans_and_titles_in_every_scope():
    acts = [load_amendment(p) for p in ACTS]
    assert {a.amends for a in acts} == {"156", "748"} and len(acts) >= 4
    ops = [op for a in acts for op in a.operations]
    assert any(op.op == "replace_text" and op.element == "title" for op in ops)
    assert any(op.op == "replace_text" and op.element == "annex_title" for op in ops)
    assert any(op.op == "set_title" and op.subsection is None for op in ops)
    assert any(op.op == "set_title" and op.subsection is not None for op in ops)
    assert any(op.op == "replace_words_in" and op.element.startswith("section ") for op in ops)


@pytest.mark.parametrize("path", ACTS, ids=lambda p: p.stem)
def test_every_operation_of_a_target_text_binds_to_its_element_in_every_layout(path: Path):
    act = load_amendment(path)
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    for name, laid_out in _layouts(text):
        draft = _import(act, laid_out)
        assert not wrong_targets(act, draft), (name, wrong_targets(act, draft))


def test_wrong_targets_are_zero_and_fields_read_right_at_least_98_percent_every_miss_marked():
    right = total = 0
    wrong: list[object] = []
    unmarked: list[object] = []
    for path in ACTS:
        act = load_amendment(path)
        for name, laid_out in _layouts(path.with_suffix(".txt").read_text(encoding="utf-8")):
            draft = _import(act, laid_out)
            wrong.extend((path.stem, name, w) for w in wrong_targets(act, draft))
            got, misses, count = score(act, draft)
            right += got
            total += count
            unmarked.extend((path.stem, name, key) for key in misses)
    print(f"\ntarget corpus: {right}/{total} fields right ({right / total:.2%}), {len(wrong)} wrong target(s)")
    assert wrong == []
    assert right / total >= 0.98
    assert not unmarked, unmarked


def test_a_title_further_down_a_scope_is_marked_with_the_readings_it_allows():
    path = TARGETS / "748-3002.yaml"
    act = load_amendment(path)
    draft = _import(act, path.with_suffix(".txt").read_text(encoding="utf-8"))
    last = [op for op in draft.operations if op.operation is not None][-1]
    assert last.operation is not None and last.operation.op == "set_title"
    (note,) = [n for n in last.notes if n.where == "target"]
    assert "subsection 1.2" in note.message and "the resolution's title" in note.message


def test_the_old_misreading_is_caught_a_section_title_is_never_the_resolutions():
    """The issue's case: '"..." деген 3-бөлімде:' then "тақырыбы мынадай редакцияда жазылсын:"."""
    path = TARGETS / "748-3001.yaml"
    act = load_amendment(path)
    draft = _import(act, path.with_suffix(".txt").read_text(encoding="utf-8"))
    made = [op.operation for op in draft.operations if op.operation is not None]
    titles = [op for op in made if op.op == "replace_text" and op.element == "title"]
    assert len(titles) == 1  # the resolution's, right after the lead-in; the section's is a set_title
    assert [target(op) for op in made if op.op == "set_title"] == [
        ("set_title", "section=2"),
        ("set_title", "section=2", "subsection=2.1"),
    ]


_HEAD = (
    "Қазақстан Республикасы Үкіметінің 2022 жылғы 1 наурыздағы № 41 қаулысы\n"
    "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
    "      1. Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысына мынадай өзгерістер "
    "енгізілсін:\n"
)


def _small(body: str) -> Draft:
    from amend import load_plan
    from amend.importer import Lexicon, import_text

    lines = [*body.strip().split("\n"), "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі."]
    text = _HEAD + "".join(f"      {line}\n" for line in lines)
    return import_text(text, load_plan(ROOT / "plans" / "base" / "156.yaml"), Lexicon())


def test_bare_words_in_a_new_sub_point_carry_the_section_over_and_say_it_may_be_the_whole_plan():
    draft = _small(
        """1) "ІС-ШАРАЛАР" деген IV-бөлімде:
реттік нөмірі 45-жол алып тасталсын;
2) "балалар" деген сөздер "кәмелетке толмағандар" деген сөздермен ауыстырылсын;"""
    )
    words = [o for o in draft.operations if o.operation is not None and o.operation.op == "replace_words"]
    (op,) = words
    assert op.operation.section == "IV"
    assert any(n.where == "target" and "may mean the whole plan" in n.message for n in op.notes)


def test_a_heading_sentence_whose_number_and_title_disagree_names_the_section_the_title_is():
    draft = _small(
        """"ІС-ШАРАЛАР" деген V-бөлімде:
реттік нөмірі 68-жол алып тасталсын;"""
    )
    (op,) = [o for o in draft.operations if o.operation is not None]
    assert any("section IV has that title: the act may mean section IV" in n.message for n in op.notes)


def test_a_title_under_the_note_or_with_no_scope_makes_no_operation_and_is_marked():
    draft = _small(
        """Ескертпеде:
тақырыбы мынадай редакцияда жазылсын:
"сынақ мәтіні";
"ІС-ШАРАЛАР" деген IV-бөлімде:
реттік нөмірі 45-жол алып тасталсын;"""
    )
    assert [o.operation for o in draft.operations if o.notes and o.notes[0].where == "target"] == [None]
