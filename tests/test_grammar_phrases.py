"""The grammars are built from the language module's phrases: a guillemet of a .lark file names phrases, never
spells them, and a name that names no phrase stops the build (amend/importer/act/grammar.py, ``expand``).

What each production reads is checked by the grammar cases (tests/test_grammar.py, the fixtures of
tests/fixtures/grammar/) and the Russian formulae beside their Kazakh twins (tests/test_russian_import.py).
"""

from __future__ import annotations

import re
from importlib import resources

import pytest
from lark import Lark
from lark.exceptions import LarkError

from amend.importer.act.grammar import PhraseUnknown, expand
from amend.language.phrases import grammar_phrases, named_phrases
from amend.language.phrases_ru import grammar_phrases_ru

GRAMMARS = {
    "grammar.lark": (grammar_phrases(), "amend.language.phrases"),
    "grammar_ru.lark": (grammar_phrases_ru(), "amend.language.phrases_ru"),
}
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _text(name: str) -> str:
    return (resources.files("amend.importer.act") / name).read_text(encoding="utf-8")


def _guillemets(name: str) -> list[tuple[int, str]]:
    """Each «...» of a grammar file with its line number (comments included: they are expanded too)."""
    return [
        (number, m.group(1))
        for number, line in enumerate(_text(name).split("\n"), 1)
        for m in re.finditer(r"«([^»]*)»", line)
    ]


def _in_patterns(name: str) -> list[tuple[int, str]]:
    """Each {{NAME}} of a grammar file's regex terminals, with its line number."""
    return [
        (number, m.group(1))
        for number, line in enumerate(_text(name).split("\n"), 1)
        for m in re.finditer(r"\{\{(\w*)\}\}", line)
    ]


@pytest.mark.parametrize("name", GRAMMARS)
def test_no_guillemet_of_a_grammar_spells_a_word_every_one_is_names(name):
    found = _guillemets(name)
    assert len(found) > 30  # the grammar's phrases are there, named
    spelt = [(n, inner) for n, inner in found if _CYRILLIC.search(inner)]
    assert spelt == []
    not_names = [(n, inner) for n, inner in found if not re.fullmatch(r"[A-Z][A-Z0-9_]*(?: [A-Z][A-Z0-9_]*)*", inner)]
    assert not_names == []


@pytest.mark.parametrize("name", GRAMMARS)
def test_every_name_in_a_grammar_names_a_phrase_of_its_language_module(name):
    phrases, _ = GRAMMARS[name]
    unknown = [(n, word) for n, inner in _guillemets(name) for word in inner.split() if word not in phrases]
    assert unknown == []
    assert [(n, word) for n, word in _in_patterns(name) if word not in phrases] == []


@pytest.mark.parametrize("name", GRAMMARS)
def test_the_built_grammar_spells_each_phrase_as_the_language_module_writes_it(name):
    # Every phrase the file names stands in the built grammar as its words, each a whole-word terminal.
    phrases, language = GRAMMARS[name]
    built = expand(_text(name), phrases, source=name, language=language)
    assert re.search(r"«[^»\n]*»", built) is None
    terminals = {word.replace("\\", "") for word in re.findall(r"^_K\d+: /(.*)\(\?!\\w\)/$", built, re.M)}
    named = {word for _, inner in _guillemets(name) for n in inner.split() for word in phrases[n].split()}
    assert terminals == named
    assert "{{" not in built


@pytest.mark.parametrize("name", GRAMMARS)
def test_a_named_phrase_in_a_regex_terminal_is_its_words_apart_by_blanks(name):
    phrases, language = GRAMMARS[name]
    assert _in_patterns(name)  # _REPLACED, _TITLE_WORD, ...; the Russian _COL_ACC
    built = expand(_text(name), phrases, source=name, language=language)
    for _, phrase in _in_patterns(name):
        assert r"\s+".join(re.escape(w) for w in phrases[phrase].split()) in built


def test_a_regex_terminal_reads_a_phrase_of_several_words_across_blanks_and_line_breaks():
    phrases = grammar_phrases()
    parser = Lark(expand("start: ROWS\nROWS: /{{ROW_MANY}}(?!\\w)/\n", phrases, source="t", language="phrases"))
    parser.parse("реттік  \n нөмірлері")
    with pytest.raises(LarkError):
        parser.parse("реттік нөмірлеріндегі")


def test_a_name_in_a_regex_terminal_that_names_no_phrase_stops_the_build():
    with pytest.raises(PhraseUnknown) as caught:
        expand("start: X\nX: «SAID» /{{REPLACD}}/\n", grammar_phrases(), source="grammar.lark", language="phrases")
    assert str(caught.value) == "grammar.lark:2:12: {{REPLACD}} names no phrase of phrases (did you mean REPLACED?)"


def test_a_name_that_names_no_phrase_stops_the_build_with_its_place_and_the_nearest_name():
    grammar = 'start: rows «IN_NEW_WORDING» ":"\nrows: «WITH_CONTENT IN_NEW_WORDNG»\n'
    with pytest.raises(PhraseUnknown) as caught:
        expand(grammar, grammar_phrases(), source="grammar.lark", language="amend.language.phrases")
    assert str(caught.value) == (
        "grammar.lark:2:21: «IN_NEW_WORDNG» names no phrase of amend.language.phrases (did you mean IN_NEW_WORDING?)"
    )


def test_a_phrase_spelt_in_a_guillemet_stops_the_build():
    # The phrases are written once, in the language module: a spelt one is no name.
    with pytest.raises(PhraseUnknown) as caught:
        expand("start: «изложить»\n", grammar_phrases_ru(), source="grammar_ru.lark", language="phrases_ru")
    assert str(caught.value).startswith("grammar_ru.lark:1:9: «изложить» names no phrase of phrases_ru")


def test_an_empty_guillemet_stops_the_build():
    with pytest.raises(PhraseUnknown, match=r"^grammar\.lark:1:8: «» names no phrase"):
        expand("start: «»\n", grammar_phrases(), source="grammar.lark", language="amend.language.phrases")


def test_a_phrase_with_a_blank_to_fill_is_none_the_grammar_can_name():
    # "... күнтізбелік {days} күн өткен соң": the grammar names its parts, with the days between them.
    assert "AFTER_PUBLICATION" not in grammar_phrases()
    assert "AFTER_PUBLICATION_RU" not in grammar_phrases_ru()
    assert {"AFTER_PUBLISHED_DAY", "CALENDAR", "DAYS_PASSED"} <= set(grammar_phrases())


def test_two_phrases_of_one_name_are_refused():
    with pytest.raises(ValueError, match="two phrases are named AND"):
        named_phrases({"AND": "және"}, {"AND": "и"})


_ALL = [(name, phrase) for name, (phrases, _) in GRAMMARS.items() for phrase in sorted(phrases)]


@pytest.mark.parametrize(("grammar", "phrase"), _ALL, ids=[f"{g}-{p}" for g, p in _ALL])
def test_each_phrase_is_read_as_its_words_and_only_as_whole_words(grammar, phrase):
    phrases, language = GRAMMARS[grammar]
    parser = Lark(expand(f"start: «{phrase}»\n%ignore /\\s+/\n", phrases, source=grammar, language=language))
    text = phrases[phrase]
    parser.parse(text)
    parser.parse("\n  ".join(text.split()))  # words broken over lines
    with pytest.raises(LarkError):
        parser.parse(text + "x")  # a longer word is not the phrase's last
