"""The Russian text of an act (amend/importer/act/russian.py): a draft from it alone, and its merge with the Kazakh
text of the same act. The fixtures are test texts written for these tests (never translations). Each formula read
alone, beside its Kazakh twin, is a grammar case (tests/fixtures/grammar/ru, read by tests/test_grammar.py)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from layout import bank_layout, harder_layout
from typer.testing import CliRunner

from amend import Repository, RowNumber, load_amendment
from amend.cli.app import app
from amend.engine.unknown import UNKNOWN
from amend.importer import import_text, plan_lexicon
from amend.importer.act.drafting import draft_text, render_text
from amend.importer.act.preview import plan_acts, version_before
from amend.importer.act.russian import merge_russian, parse_russian, read_russian, russian_draft
from amend.importer.act.writer import operation_data
from amend.store.loading import load_plan

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "russian"
ACT = FIXTURES / "748-2701.yaml"
RU = (FIXTURES / "748-2701.ru.txt").read_text(encoding="utf-8")
PLAN = load_plan(ROOT / "plans/base/748.yaml")


def test_an_excepted_paragraph_of_a_point_is_read_and_left_for_review():
    # The clause read alone is a grammar case (tests/fixtures/grammar/ru/entry.yaml); here the draft made of it.
    text = RU.replace(
        "2. Настоящее постановление вводится в действие со дня его подписания.",
        "2. Настоящее постановление вводится в действие со дня его подписания, за исключением абзаца третьего "
        "пункта 1, который вводится в действие с 1 января 2026 года.",
    )
    draft = russian_draft(text, PLAN)
    assert draft.entry.rule == "on_signing"
    assert all(op.operation is None or op.operation.in_force is None for op in draft.operations)  # nothing guessed
    assert any("абзаца третьего" in n.message for n in draft.notes)


def _russian_fields(op: object) -> dict[str, object]:
    data = operation_data(op)  # type: ignore[arg-type]
    return {
        k: v
        for k, v in data.items()
        if k.endswith("_ru") or k in ("op", "row", "section", "subsection", "number", "element")
    } | (
        {"rows": [{"number": r["number"], "cells_ru": r.get("cells_ru")} for r in data["rows"]]}
        if "rows" in data
        else {}
    )


def test_the_russian_text_alone_gives_the_operations_with_their_kazakh_texts_unknown():
    act = load_amendment(ACT)
    draft = russian_draft(RU, PLAN)
    assert (draft.act.number, draft.act.date, draft.act.kind, draft.amends) == (
        "2701",
        dt.date(2025, 10, 15),
        "қаулы",
        "748",
    )
    assert draft.act.title is UNKNOWN and draft.act.title_ru == act.act.title_ru
    assert draft.act.signatory is not None and draft.act.signatory.position is UNKNOWN
    assert draft.act.signatory.position_ru == "Премьер-Министр Республики Казахстан"
    assert draft.entry.rule == "on_signing"
    made = [op.operation for op in draft.operations if op.operation is not None]
    # The Kazakh words of replace_words and the Kazakh codes of the note are the operations' identity: REVIEW.
    expected = [
        op for op in act.operations if op.op not in ("replace_words", "add_abbreviations", "replace_abbreviation")
    ]
    assert [_russian_fields(op) for op in made] == [_russian_fields(op) for op in expected]
    for op in made:
        data = operation_data(op)
        kazakh = [data.get("title"), *data.get("cells", {}).values()]
        kazakh += [c for r in data.get("rows", []) for c in r["cells"].values()]
        assert all(t is UNKNOWN for t in kazakh if t is not None)
    reviews = [op for op in draft.operations if op.operation is None]
    assert [r.notes[-1].where for r in reviews] == ["replace_words", "add_abbreviations", "replace_abbreviation"]
    assert "old_ru: 'ежегодно, июнь, декабрь'" in reviews[0].notes[-1].message
    assert (
        "МЭ" in reviews[1].notes[-1].message
        and "тестовый текст: министерство энергетики" in reviews[1].notes[-1].message
    )


def test_a_russian_code_the_plan_gives_names_the_kazakh_line():
    plan = PLAN.model_copy(
        update={
            "abbreviations": {**PLAN.abbreviations, "ОМ": PLAN.abbreviations["ОМ"].model_copy(update={"code_ru": "МП"})}
        }
    )
    draft = russian_draft(RU, plan)
    replaced = [
        op.operation
        for op in draft.operations
        if op.operation is not None and op.operation.op == "replace_abbreviation"
    ]
    assert len(replaced) == 1
    op = replaced[0]
    assert (op.code, op.code_ru, op.expansion) == ("ОМ", "МП", UNKNOWN)  # type: ignore[union-attr]
    assert op.expansion_ru == "тестовый текст: министерство просвещения"  # type: ignore[union-attr]


def _fields(draft, act) -> tuple[int, int, list[str]]:
    """The Russian fields of the act read right, of all, and the misses no REVIEW note names."""
    made = {(op.operation.op, str(getattr(op.operation, "row", ""))): op for op in draft.operations if op.operation}
    right = total = 0
    unmarked = []
    for expected in act.operations:
        if expected.op in ("replace_words", "add_abbreviations", "replace_abbreviation", "delete_row"):
            continue
        total += 1
        got = made.get((expected.op, str(getattr(expected, "row", ""))))
        same = got is not None and _russian_fields(got.operation) == _russian_fields(expected)
        right += same
        if not same and (got is None or not got.notes):
            unmarked.append(expected.op)
    return right, total, unmarked


@pytest.mark.parametrize("layout", [bank_layout, harder_layout])
def test_the_russian_text_in_the_banks_extracted_layout(layout):
    # Words broken without a hyphen in narrow columns, spaced-out letters, two cells on one line, page breaks
    # moving a measure's lines, Latin look-alike letters: every Russian field read right or marked REVIEW.
    act = load_amendment(ACT)
    right = total = 0
    for seed in range(12):
        draft = russian_draft(layout(RU, seed), PLAN)
        r, t, unmarked = _fields(draft, act)
        right, total = right + r, total + t
        assert unmarked == [], (seed, unmarked)
    assert right / total >= 0.8, (right, total)


def _kazakh_text(layout=None, seed: int = 0) -> str:
    act = load_amendment(ACT)
    before = version_before(ROOT, act, ACT)
    clean = render_text(draft_text(act, before, plan_acts(ROOT, act.amends)))
    return clean if layout is None else layout(clean, seed)


def _merged(kazakh: str, russian: str):
    repo = Repository(ROOT)
    adopted = [f for f in repo.amendments if f.amendment.amends == "748"]
    draft = import_text(kazakh, PLAN, plan_lexicon(ROOT / "plans/base"), adopted=adopted)
    return merge_russian(draft, read_russian(russian, PLAN))


def _plain(op: object) -> dict[str, object]:
    return operation_data(op)  # type: ignore[arg-type]


def test_a_pair_of_texts_gives_one_act_with_both_languages():
    act = load_amendment(ACT)
    merged = _merged(_kazakh_text(), RU)
    ops = [op.operation for op in merged.operations if op.operation is not None]
    assert [_plain(op) for op in ops] == [_plain(op) for op in act.operations]
    assert merged.act.title_ru == act.act.title_ru
    assert merged.act.signatory == act.act.signatory
    assert all(op.operation is not None for op in merged.operations)


@pytest.mark.parametrize("seed", range(4))
def test_a_pair_in_the_banks_layout_merges_or_says_where_it_does_not(seed):
    act = load_amendment(ACT)
    merged = _merged(_kazakh_text(bank_layout, seed), bank_layout(RU, seed + 100))
    ops = [op for op in merged.operations if op.operation is not None]
    assert [op.operation.op for op in ops] == [op.op for op in act.operations]
    for got, expected in zip(ops, act.operations, strict=True):
        if _plain(got.operation) != _plain(expected):
            assert got.notes, (got.operation, expected)


def _review_texts(draft) -> list[str]:
    return [n.message for n in draft.reviews]


def test_a_change_the_russian_text_lacks_is_review_and_the_rest_merges():
    russian = RU.replace("      строку, порядковый номер 37-4, исключить;\n", "")
    merged = _merged(_kazakh_text(), russian)
    deleted = next(op for op in merged.operations if op.operation is not None and op.operation.op == "delete_row")
    assert any("the Russian text gives no such change" in n.message for n in deleted.notes)
    title = next(op for op in merged.operations if op.operation is not None and op.operation.op == "set_title")
    assert title.operation.title_ru == "тестовый текст: краткосрочные мероприятия" and not title.notes  # type: ignore[union-attr]


def test_a_different_target_is_review_with_both_readings_and_no_russian_text():
    russian = RU.replace("строку, порядковый номер 6, изложить", "строку, порядковый номер 7, изложить").replace(
        '"\n\n6.\n', '"\n\n7.\n'
    )
    merged = _merged(_kazakh_text(), russian)
    row6 = next(op for op in merged.operations if op.operation is not None and op.operation.op == "replace_row")
    assert row6.operation.cells_ru == {}  # type: ignore[union-attr]
    message = " ".join(n.message for n in row6.notes)
    assert "the Kazakh text: replace_row (6)" in message and "the Russian text: replace_row (7)" in message


def test_a_change_only_the_russian_text_gives_is_review_and_makes_no_operation():
    russian = RU.replace(
        "      строку, порядковый номер 37-4, исключить;\n",
        "      строку, порядковый номер 37-4, исключить;\n      строку, порядковый номер 37-3, исключить;\n",
    )
    merged = _merged(_kazakh_text(), russian)
    assert [op.op for op in load_amendment(ACT).operations] == [
        op.operation.op for op in merged.operations if op.operation is not None
    ]
    extra = [op for op in merged.operations if op.operation is None]
    assert len(extra) == 1 and "строку, порядковый номер 37-3, исключить;" in extra[0].source
    assert "the Kazakh text gives no such change" in extra[0].notes[0].message


def test_a_different_number_of_rows_is_review():
    russian = RU.replace(
        "дополнить строкой, порядковый номер 23-2, следующего",
        "дополнить строками, порядковые номера 23-2 и 23-3, следующего",
    )
    merged = _merged(_kazakh_text(), russian)
    inserted = next(op for op in merged.operations if op.operation is not None and op.operation.op == "insert_rows")
    assert inserted.operation.rows[0].cells_ru == {}  # type: ignore[union-attr]
    assert any("insert_rows (('23-2', '23-3'))" in n.message for n in inserted.notes)


def test_a_different_number_of_note_lines_is_review():
    russian = RU.replace(
        '"МЭ – тестовый текст: министерство энергетики".',
        '"МЭ – тестовый текст: министерство энергетики;\n      МТ – тестовый текст: министерство транспорта".',
    )
    merged = _merged(_kazakh_text(), russian)
    added = next(op for op in merged.operations if op.operation is not None and op.operation.op == "add_abbreviations")
    assert added.operation.entries_ru == {} and added.notes  # type: ignore[union-attr]


def test_a_different_entry_into_force_or_act_is_review():
    later = RU.replace("со дня его подписания.", "с 1 января 2026 года.")
    merged = _merged(_kazakh_text(), later)
    assert any("the Kazakh text reads on_signing" in m and "on_date (2026-01-01)" in m for m in _review_texts(merged))
    other = RU.replace("от 15 октября 2025 года № 2701", "от 15 октября 2025 года № 2702")
    merged = _merged(_kazakh_text(), other)
    assert any("no Russian text is taken" in m for m in _review_texts(merged))
    assert merged.act.title_ru is UNKNOWN
    assert all(getattr(op.operation, "cells_ru", {}) == {} for op in merged.operations if op.operation)


def test_import_lang_ru_from_the_command(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text(RU, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--lang", "ru", "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert "cells_ru:" in result.stdout and "title: !unknown" in result.stdout
    assert "REVIEW: the Kazakh words" in result.stdout


def test_import_of_a_pair_then_show_lang_both_shows_each_russian_text_beside_its_kazakh(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", root / "plans")
    kk, ru = tmp_path / "kk.txt", tmp_path / "ru.txt"
    kk.write_text(_kazakh_text(), encoding="utf-8")
    ru.write_text(RU, encoding="utf-8")
    out = root / "plans/amendments/2701.yaml"
    result = runner.invoke(app, ["import", str(kk), "--ru", str(ru), "-o", str(out), "--root", str(root)])
    assert result.exit_code == 0, result.output
    out.write_text(out.read_text(encoding="utf-8").replace("status: draft", "status: adopted"), encoding="utf-8")
    shown = runner.invoke(
        app, ["show", "748", "--at", "2025-10-15", "--format", "md", "--lang", "both", "--root", str(root)]
    )
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    for number, kazakh, russian in (
        ("6", "сынақ мәтіні: 6-жолдың іс-шарасы", "тестовый текст: мероприятие строки 6"),
        ("23-2", "сынақ мәтіні: 23-2-жолдың іс-шарасы", "тестовый текст: мероприятие строки 23-2"),
    ):
        k = next(i for i, line in enumerate(lines) if line.startswith(f"| {number} |"))
        assert kazakh in lines[k] and lines[k + 1].startswith("| ru |") and russian in lines[k + 1]
    assert "тестовый текст: краткосрочные мероприятия" in shown.stdout
    data = json.loads(
        runner.invoke(
            app, ["show", "748", "--at", "2025-10-15", "--format", "json", "--lang", "both", "--root", str(root)]
        ).stdout
    )
    assert data["abbreviations"]["ЭМ"] == "сынақ мәтіні: энергетика министрлігі"
    assert data["ru"]["abbreviations"]["МЭ"] == "тестовый текст: министерство энергетики"
    assert data["ru"]["abbreviations"]["МП"] == "тестовый текст: министерство просвещения"
    row = next(r for r in data["ru"]["rows"] if r["number"] == "28")
    assert row["cells"]["deadline"] is None  # 28 had no Russian text: its Russian words hide in an unknown text


def test_import_refuses_a_language_it_does_not_read(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text(RU, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--lang", "en", "--root", str(ROOT)])
    assert result.exit_code == 2


# -- every formula in one act, in clean text and in the bank's layout ----------------------------------------

EXPECTED_2702 = FIXTURES / "748-2702.ru.yaml"


def _expected_2702() -> tuple[dict, list]:
    from amend.store.yaml_io import read_yaml

    data = read_yaml(EXPECTED_2702)
    return data, data["operations"]


def _as_data(draft) -> list:
    out = []
    for op in draft.operations:
        if op.operation is not None:
            out.append(operation_data(op.operation))
        elif any(n.where in ("replace_words", "delete_abbreviation", "add_abbreviations") for n in op.notes):
            out.append({"review": op.notes[-1].where})
    return out


def _normal(value):
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normal(v) for v in value]
    return str(value) if isinstance(value, dt.date) else value


def test_every_russian_formula_of_an_act_in_clean_text():
    data, expected = _expected_2702()
    draft = russian_draft((FIXTURES / "748-2702.ru.txt").read_text(encoding="utf-8"), PLAN)
    assert (draft.act.number, str(draft.act.date), draft.act.title_ru) == (
        data["act"]["number"],
        data["act"]["date"],
        data["act"]["title_ru"],
    )
    assert (draft.entry.rule, draft.entry.days) == ("after_publication", 10)
    assert _normal(_as_data(draft)) == _normal(expected)
    assert [op for op in draft.operations if op.operation is None and not op.notes] == []
    assert any("fill in `published`" in n.message for n in draft.notes)


def test_every_russian_formula_of_an_act_in_the_banks_layout():
    # The committed text is the clean one laid out by tests/layout.py (bank_layout, seed 27): every field as in
    # the clean text, or the operation marked REVIEW.
    _, expected = _expected_2702()
    draft = russian_draft((FIXTURES / "748-2702.bank.ru.txt").read_text(encoding="utf-8"), PLAN)
    got = _normal(_as_data(draft))
    assert len(got) == len(expected)
    reviewed = {k for k, op in enumerate(d for d in draft.operations if d.operation is not None or d.notes) if op.notes}
    misses = [k for k, (a, b) in enumerate(zip(got, _normal(expected), strict=True)) if a != b]
    assert all(k in reviewed for k in misses), (misses, reviewed)
    assert len(misses) <= 2, misses


def test_words_in_several_rows_are_one_change_per_row_as_in_kazakh():
    text = RU.replace(
        'в строке, порядковый номер 28, слова "ежегодно, июнь, декабрь"',
        'в строках, порядковые номера 28 и 29, слова "ежегодно, июнь, декабрь"',
    )
    changes = [c for c in read_russian(text, PLAN).changes if c.key[0] == "replace_words"]
    assert [c.key for c in changes] == [("replace_words", "28"), ("replace_words", "29")]


@pytest.mark.parametrize(
    ("scope", "key"),
    [("по всему тексту ", ("replace_words", None)), ("в строке, порядковый номер 6, ", ("replace_words", "6"))],
)
def test_words_in_a_scope_of_their_own_under_the_notes_heading_are_the_tables_as_in_kazakh(scope, key):
    # The whole text, or a row, names its own scope: under "в примечании:" too it is the Kazakh reading's
    # replace_words (the key the pair is merged by), not words of the note.
    text = RU.replace(
        '      в разделе 1 "тестовый текст: раздел первый":\n',
        f'      в примечании:\n      {scope}слова "X" заменить словами "Y";\n'
        '      в разделе 1 "тестовый текст: раздел первый":\n',
        1,
    )
    assert text != RU
    assert read_russian(text, PLAN).changes[0].key == key


def test_the_russian_words_are_counted_in_the_version_the_pair_amends(tmp_path):
    # Act 9007 (a scenario fixture) gives row 28 Russian cells; the pair's Russian words occur three times
    # there, the Kazakh ones once: occurrences_ru is 3, and the draft applies.
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", root / "plans")
    shutil.copytree(ROOT / "tests/fixtures/structure/russian/plans", root / "plans", dirs_exist_ok=True)
    kk, ru = tmp_path / "kk.txt", tmp_path / "ru.txt"
    kazakh_words = '"жыл сайын маусым, желтоқсан" деген сөздер "жыл сайын желтоқсан" деген сөздермен ауыстырылсын'
    kk.write_text(_kazakh_text().replace(kazakh_words, '"28-жолдың іс-шарасы" деген сөздер алып тасталсын'), "utf-8")
    russian_words = 'слова "ежегодно, июнь, декабрь" заменить словами "ежегодно, декабрь"'
    ru.write_text(RU.replace(russian_words, 'слова "тестовый текст" исключить'), encoding="utf-8")
    result = runner.invoke(app, ["import", str(kk), "--ru", str(ru), "--root", str(root)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "draft.yaml"
    out.write_text(result.stdout, encoding="utf-8")
    from amend.store.yaml_io import read_yaml

    data = read_yaml(out)
    words = next(op for op in data["operations"] if op["op"] == "replace_words")
    assert (words["occurrences"], words["old_ru"], words["new_ru"], words["occurrences_ru"]) == (
        1,
        "тестовый текст",
        "",
        3,
    )


def test_the_act_line_broken_by_the_print_is_read_whole():
    text = RU.replace("от 15 октября 2025 года № 2701", "от 15 октября 2025\nгода № 2701")
    act = read_russian(text, PLAN).act
    assert (act.number, act.date, act.amends) == ("2701", dt.date(2025, 10, 15), "748")


def test_a_russian_row_number_the_engine_refuses_leaves_a_review_in_the_words_of_check():
    # The Russian reading makes the engine's operations directly: a row number the engine refuses is a
    # review worded as `amend check` words it, and the other row of the sentence is still struck out.
    text = RU.replace(
        "строку, порядковый номер 6, изложить в следующей редакции:",
        "строки, порядковые номера 06 и 7, исключить;\n"
        "      строку, порядковый номер 6, изложить в следующей редакции:",
    )
    draft = russian_draft(text, PLAN)
    deleted = [op for op in draft.operations if "06" in " ".join(op.source)]
    assert [op.operation.row if op.operation else None for op in deleted] == [None, RowNumber("7")]
    assert [(n.where, n.message) for n in deleted[0].notes] == [
        (
            "delete_row",
            "no operation could be made (`row`: '06' is not a row number (expected digits such as 6 or 23-1, "
            "no leading zeros))",
        )
    ]


# The same act's context sentences in both languages: a point, the plan's frame, a section, a subsection, the note,
# and a new point, each followed by a change.
_CONTEXT_TWINS = [
    (
        "1. Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысына мынадай өзгерістер енгізілсін:",
        "1. Внести в постановление Правительства Республики Казахстан от 31 августа 2023 года № 748 "
        "следующие изменения:",
    ),
    ("көрсетілген қаулымен бекітілген жоспарда:", "в плане, утвержденном указанным постановлением:"),
    ('"Бірінші" деген 1-бөлімде:', 'в разделе 1 "Бірінші":'),
    ("реттік нөмірі 6-жол алып тасталсын;", "строку, порядковый номер 6, исключить;"),
    ("1.2 кіші бөлімде:", "в подразделе 1.2:"),
    ("реттік нөмірі 23-жол алып тасталсын;", "строку, порядковый номер 23, исключить;"),
    ("Ескертпеде:", "в примечании:"),
    ('"ІІМ" деген жол алып тасталсын;', 'расшифровку аббревиатуры "ІІМ" исключить;'),
    (
        "2. Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысына мынадай өзгеріс енгізілсін:",
        "2. Внести в постановление Правительства Республики Казахстан от 31 августа 2023 года № 748 "
        "следующее изменение:",
    ),
    ("реттік нөмірі 28-жол алып тасталсын;", "строку, порядковый номер 28, исключить;"),
]


def test_the_russian_reading_keeps_the_context_as_the_kazakh_builder_does():
    # One walker (importer/act/context.py) keeps the context for both languages: after each sentence the
    # point, the section, the subsection, the note and the scope a bare title binds to are the same.
    from amend.importer.act.document import split_document
    from amend.importer.act.draft import _Builder
    from amend.importer.act.instructions import read_instructions
    from amend.importer.act.russian import _Reading
    from amend.importer.text import Lexicon

    def contexts(walker, paragraphs, parse=None):
        text = "\n".join(f"      {p}" for p in paragraphs)
        instructions = read_instructions(split_document(text), None, *([parse] if parse else []))
        seen = []
        for i in instructions:
            walker.add(i)
            seen.append((walker.point, walker.section, walker.subsection, walker.in_note, walker.scope))
        return seen

    kazakh = contexts(_Builder(PLAN, Lexicon(), set(PLAN.abbreviations)), [k for k, _ in _CONTEXT_TWINS])
    russian = contexts(_Reading(PLAN, Lexicon()), [r for _, r in _CONTEXT_TWINS], parse_russian)
    assert russian == kazakh
    assert [c[:4] for c in kazakh] == [
        (1, None, None, False),
        (1, None, None, False),
        (1, "1", None, False),
        (1, "1", None, False),
        (1, "1", "1.2", False),
        (1, "1", "1.2", False),
        (1, "1", "1.2", True),
        (1, "1", "1.2", True),
        (2, None, None, False),  # a new point starts from the plan as a whole
        (2, None, None, False),
    ]


def test_a_section_the_russian_text_names_by_its_title_alone_is_found_by_the_plans_russian_title():
    sections = [
        s.model_copy(update={"title_ru": "Среднесрочные меры"}) if s.number == "2" else s for s in PLAN.sections
    ]
    plan = PLAN.model_copy(update={"sections": tuple(sections)})
    text = RU.replace(
        "строку, порядковый номер 6, изложить в следующей редакции:",
        'в разделе "Среднесрочные меры":\n      строку, порядковый номер 37, исключить;\n'
        "      строку, порядковый номер 6, изложить в следующей редакции:",
    )
    deleted = next(c for c in read_russian(text, plan).changes if c.key == ("delete_row", "37"))
    assert deleted.made is not None and getattr(deleted.made, "section", None) == "2"
    assert deleted.source[0] == 'в разделе "Среднесрочные меры":'
    unnamed = next(c for c in read_russian(text, PLAN).changes if c.key == ("delete_row", "37"))
    assert getattr(unnamed.made, "section", None) is None
    assert [n.message for n in unnamed.notes] == ['no section of the plan is titled "Среднесрочные меры"']


def test_a_title_named_alone_binds_to_the_scope_it_stands_in_as_in_kazakh():
    # "заголовок" right after "в разделе 1 ...:" is section 1's title, as "тақырыбы" is after '... 1-бөлімде:'
    # (importer/act/scope.py); right after the act's lead-in it is the resolution's title.
    text = RU.replace(
        '      в разделе 1 "тестовый текст: раздел первый":\n',
        '      в разделе 1 "тестовый текст: раздел первый":\n'
        "      заголовок изложить в следующей редакции:\n"
        '      "тестовый текст: новый заголовок раздела";\n',
    )
    retitled = next(c for c in read_russian(text, PLAN).changes if c.key[0] == "set_title")
    assert retitled.key == ("set_title", "1", None) and retitled.ru == {
        "title_ru": "тестовый текст: новый заголовок раздела"
    }
    assert retitled.made is not None and getattr(retitled.made, "title_ru", None) == retitled.ru["title_ru"]
    kazakh = import_text(
        "Қазақстан Республикасы Үкіметінің 2025 жылғы 1 желтоқсандағы № 7 қаулысы\n"
        "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
        '      "Бірінші" деген 1-бөлімде:\n'
        "      тақырыбы мынадай редакцияда жазылсын:\n"
        '      "Жаңа атау";\n',
        PLAN,
    )
    assert [op.operation.op for op in kazakh.operations if op.operation] == ["set_title"]
    assert kazakh.operations[-1].operation is not None
    assert (kazakh.operations[-1].operation.section, kazakh.operations[-1].operation.subsection) == retitled.key[1:]


def test_a_note_both_readings_make_alike_is_said_once_in_the_pair():
    # Both texts name section 9, which the plan lacks: the merged operation says so once, not once per text.
    kazakh = _kazakh_text().replace("деген 1-бөлімде:", "деген 9-бөлімде:", 1)
    russian = RU.replace('в разделе 1 "тестовый текст: раздел первый":', 'в разделе 9 "тестовый текст: раздел первый":')
    assert read_russian(russian, PLAN).changes[0].notes[0].message == "plan 748 has no section 9"
    row6 = next(op for op in _merged(kazakh, russian).operations if op.operation is not None)
    assert [n.message for n in row6.notes].count("plan 748 has no section 9") == 1
