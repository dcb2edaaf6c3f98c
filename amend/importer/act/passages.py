"""Each paragraph of an act read as a sentence, with the quoted block it takes: the second stage of reading.

The grammar reads a paragraph into a ``Sentence``; a sentence that takes a quoted block (``Sentence.takes``)
gets the table or the quoted lines that follow it here, and nothing after it reads them as sentences of
their own. Attaching cannot be done on the text alone, before the grammar: a paragraph that opens with a
quote is a new wording after "... мынадай редакцияда жазылсын:" but a sentence of its own in '"ОМ" деген
аббревиатура ... ауыстырылсын;'. So this stage reads a paragraph, then attaches what its sentence takes,
then reads the next paragraph; what the quoted blocks mean is the next stage's (``instructions``).

A paragraph the grammar does not derive is read again with its words rejoined at line ends (a word the
print broke without a hyphen), then with spaced-out letters closed up, then split after a heading sentence
printed together with the sentence after it; if none derives a sentence, the passage has none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from amend.importer.act.document import Document, Paragraph, Table
from amend.importer.act.grammar import parse_paragraph
from amend.importer.act.scope import heading_split
from amend.importer.act.sentences import Sentence
from amend.importer.text import Lexicon, join_lines, join_prose, read_lines
from amend.language.lexicon import ENTRY_WORDS

__all__ = ["Passage", "read_passages"]


@dataclass(frozen=True)
class Passage:
    """A paragraph, the sentence read from it (None: no formula derives it) and the quoted block it took.

    ``subpoint``: the number of the "3) ..." subpoint the paragraph opens (``opening`` the paragraph as
    printed, with its number); the sentence is read after the number.
    """

    paragraph: Paragraph
    sentence: Sentence | None
    table: Table | None = None
    quote: tuple[Paragraph, ...] = ()
    subpoint: int | None = None
    opening: Paragraph | None = None


def read_passages(
    document: Document, lexicon: Lexicon | None = None, parse: Callable[[str], Sentence | None] = parse_paragraph
) -> Iterator[Passage | Table]:
    """The body's passages in order; a quoted table no sentence takes is given as it is.

    ``lexicon``: word forms to rejoin a paragraph whose words the print broke at a line end, tried when the
    plain join derives no sentence. ``parse``: the grammar of one paragraph (Kazakh, or Russian:
    ``russian.parse_russian`` reads the same sentences).
    """
    body = list(document.body)
    i = 0
    while i < len(body):
        block = body[i]
        i += 1
        if isinstance(block, Table):
            yield block
            continue
        p, opening, subpoint = block, None, None
        marker = re.match(r"^(\d+)\)\s+(\S.*)$", p.text)
        if marker:
            # "3) реттік нөмірі ...": a subpoint, read as its own sentence after the number, from the printed
            # lines less the number (so that it can be re-read from them as any other).
            opening, subpoint = p, int(marker.group(1))
            lines = p.lines
            if lines:
                lines = ((lines[0][0], re.sub(r"^(\s*)\d+\)\s+", r"\1", lines[0][1], count=1)), *lines[1:])
            p = Paragraph(marker.group(2), p.first_line, p.last_line, lines)
        p, sentence, rest = _read(p, lexicon, parse)
        if rest is not None:
            body.insert(i, rest)
        table: Table | None = None
        quote: tuple[Paragraph, ...] = ()
        if sentence is not None and sentence.takes is not None:
            table, quote, i = _attach(sentence, body, i)
        yield Passage(p, sentence, table, quote, subpoint, opening)


def _read(
    p: Paragraph, lexicon: Lexicon | None, parse: Callable[[str], Sentence | None]
) -> tuple[Paragraph, Sentence | None, Paragraph | None]:
    """The paragraph as read, its sentence, and the rest of it where a heading sentence was split off."""
    sentence = parse(p.text)
    if sentence is None and lexicon is not None and (again := _rejoined(p, lexicon)) is not None:
        sentence = parse(again.text)
        p = again if sentence is not None or _ENTRY_WORDS.match(again.text) else p
    if sentence is None and (closed := _unspaced(p)) is not None:
        sentence = parse(closed.text)
        p = closed if sentence is not None or _ENTRY_WORDS.match(closed.text) else p
    if sentence is None and (cut := heading_split(p.text, parse)) is not None:
        # A heading sentence and the sentence after it in one paragraph: read as two, the second next.
        rest = Paragraph(p.text[cut:].strip(), p.first_line, p.last_line)
        p = Paragraph(p.text[:cut], p.first_line, p.first_line)
        return p, parse(p.text), rest
    return p, sentence, None


def _attach(
    sentence: Sentence, body: list[Paragraph | Table], i: int
) -> tuple[Table | None, tuple[Paragraph, ...], int]:
    """The table or the quoted lines at ``body[i]`` that ``sentence`` takes, and the index after them."""
    nxt = body[i] if i < len(body) else None
    if sentence.takes in ("table", "cells") and isinstance(nxt, Table):
        return nxt, (), i + 1
    if sentence.takes == "cells" and len(getattr(sentence, "columns", ())) == 1:
        table, end = _inline_cells(body, i)
        return table, (), end
    if sentence.takes == "quote":
        quote, end = _quote_lines(body, i)
        return None, quote, end
    return None, (), i


def _quote_lines(body: list[Paragraph | Table], start: int) -> tuple[tuple[Paragraph, ...], int]:
    """The paragraphs of an inline quotation beginning at ``start`` (up to the one ending in a closing quote)."""
    found: list[Paragraph] = []
    i = start
    first = body[i] if i < len(body) else None
    if not isinstance(first, Paragraph) or not first.text.startswith('"'):
        return (), start
    while i < len(body):
        block = body[i]
        if not isinstance(block, Paragraph):
            break
        found.append(block)
        if re.search(r'"\s*[;.]?$', block.text) and not (len(found) == 1 and block.text == '"'):
            return tuple(found), i + 1
        i += 1
    return tuple(found), i


def _inline_cells(body: list[Paragraph | Table], start: int) -> tuple[Table | None, int]:
    """One cell's new text quoted in running text ('"2026 жылғы желтоқсан";'), as the lines of a one-cell table."""
    quote, end = _quote_lines(body, start)
    lines = [line for q in quote for line in q.lines]
    if not quote or not lines or not re.search(r'"\s*[;.]?\s*$', lines[-1][1]):
        return None, start
    first = lines[0]
    lines[0] = (first[0], re.sub(r'^(\s*)"', r"\1", first[1], count=1))
    last = lines[-1]
    lines[-1] = (last[0], re.sub(r'"\s*[;.]?\s*$', "", last[1]))
    return Table(tuple(lines), quote[0].first_line, quote[-1].last_line), end


_ENTRY_WORDS = re.compile(ENTRY_WORDS)


def _rejoined(p: Paragraph, lexicon: Lexicon) -> Paragraph | None:
    """The paragraph with its lines joined by the line-join rules (a word broken at a line end with no
    hyphen is glued where the lexicon knows it), if that reads otherwise than the plain join."""
    if len(p.lines) < 2:
        return None
    text, _ = join_lines(read_lines(p.lines), lexicon)
    text = re.sub(r"\s+", " ", text).strip()
    return None if text == p.text else Paragraph(text, p.first_line, p.last_line, p.lines, True)


# Letters printed spaced out ("а л ы п  т а с т а л с ы н"): three or more single letters, one blank apart
# (two or more blanks part the words).
_SPACED = re.compile(r"(?<!\w)(?:[^\W\d_] ){2,}[^\W\d_](?!\w)")


def _unspaced(p: Paragraph) -> Paragraph | None:
    """The paragraph with words printed in spaced-out letters closed up, if it has any."""
    lines = tuple((n, _SPACED.sub(lambda m: m.group(0).replace(" ", ""), raw)) for n, raw in p.lines)
    if lines == p.lines:
        return None
    return Paragraph(join_prose([raw for _, raw in lines]), p.first_line, p.last_line, lines, True)
