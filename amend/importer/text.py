"""Repairing text extracted from a PDF: spaced-out letters, words split across lines, line joins.

A table cell of an amending act comes out of the reference bank's PDF one printed line at a time.
Narrow cells break long words without a hyphen (``мемлекет`` / ``тік``), justified lines holding
one word come out letter by letter (``т а л а п``), and a line that ends inside a word has no
trailing space while most lines that end a word have one. This module decides, from general rules
and a lexicon of known word forms, how two printed lines join; it knows nothing of any one act.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from amend.language import lexicon

__all__ = [
    "FUNCTION_WORDS",
    "Joint",
    "Lexicon",
    "Line",
    "close_up",
    "fix_lookalikes",
    "is_ending",
    "join_lines",
    "join_prose",
    "joint",
    "read_lines",
]

FUNCTION_WORDS = lexicon.FUNCTION_WORDS

_ENDINGS = lexicon.ENDINGS
_TAILS = frozenset(e[i:] for e in _ENDINGS for i in range(len(e)))

_NEVER_INITIAL = lexicon.NEVER_INITIAL

_WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?", re.UNICODE)
_UPPER_CODE = lexicon.UPPER_CODE


@dataclass(frozen=True)
class Line:
    """One printed line: its text with spaced-out letters closed up, and what the print shows of its end."""

    text: str  # closed up, runs of blanks made single, stripped
    open_end: bool  # the printed line ended with a blank: its last word is complete
    number: int  # line number in the source file, from 1
    blanks_before: int  # empty lines right before this one (1: a new cell; 2 or more: a page break)


@dataclass(frozen=True)
class Joint:
    """How two consecutive lines join: glued into one word, or with a space."""

    glue: bool
    sure: bool
    why: str
    newline: bool = False  # the lines stay apart: a dash-list item starts its own line


_LOOKALIKE = lexicon.LOOKALIKE
LOOKALIKE = _LOOKALIKE  # the same table for other modules (codes printed wholly in Latin look-alikes)
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def join_prose(lines: Iterable[str]) -> str:
    """Printed lines of running text as one line: a blank between lines, none after a line ending in a hyphen.

    Running text breaks lines between words; a line ending in a hyphen breaks a compound, or a number from
    its case ending ("64-" / "жолдар", "29-" / "1-жолмен": the print breaks after a hyphen).
    """
    out = ""
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        if out and not re.search(r"[^\W_]-$", out):
            out += " "
        out += text
    return re.sub(r"\s+", " ", out)


def fix_lookalikes(text: str) -> str:
    """Latin look-alike letters inside a Cyrillic word made Cyrillic ("мектeп" with a Latin e -> "мектеп").

    A word wholly in Latin letters (a name such as "Smart") is left as it is.
    """

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if _LATIN.search(w) and _CYRILLIC.search(w):
            return w.translate(_LOOKALIKE)
        return w

    return _LETTERS.sub(word, text)


def _closed(run: list[str]) -> list[str]:
    letters = sum(c.isalpha() for c in run)
    return ["".join(run)] if len(run) >= 2 and letters >= 1 else run


def close_up(raw: str) -> str:
    """Close up letter-spaced words: ``т а л а п  етілмейді`` -> ``талап  етілмейді`` (blanks between words kept).

    The print spaces the letters of a word by one blank and the words by two or more, so within a
    run separated by single blanks, two or more one-character pieces in a row are one word, if
    a letter is among them (``- -``, the dashes of two cells, is no word).
    """
    out = []
    for group in re.split(r"(\s{2,})", raw):
        if not group or group.isspace():
            out.append(group)
            continue
        pieces: list[str] = []
        run: list[str] = []
        for token in group.split(" "):
            if len(token) == 1:
                run.append(token)
                continue
            pieces.extend(_closed(run))
            run = []
            pieces.append(token)
        pieces.extend(_closed(run))
        out.append(" ".join(pieces))
    return "".join(out)


def read_lines(raw_lines: Iterable[tuple[int, str]]) -> list[Line]:
    """Printed lines (number, raw text) as ``Line`` values; empty and blank-only lines are counted, not kept."""
    lines, blanks = [], 0
    for number, raw in raw_lines:
        if not raw.strip():
            blanks += 1
            continue
        # Look-alikes again once spaced letters are closed up: "т a л а п" holds a Latin "a" alone.
        text = fix_lookalikes(re.sub(r"\s+", " ", close_up(raw.rstrip("\n"))).strip())
        lines.append(Line(text, raw.rstrip("\n") != raw.rstrip(), number, blanks))
        blanks = 0
    return lines


def _core(token: str) -> str:
    match = _WORD.search(token)
    return match.group(0).lower() if match else ""


def is_ending(fragment: str) -> bool:
    """True if ``fragment`` is a chain of Kazakh endings, the first of which may be cut short."""
    n = len(fragment)
    if n == 0:
        return False
    reach = [False] * (n + 1)
    for i in range(1, n + 1):
        reach[i] = fragment[:i] in _TAILS
    for i in range(1, n + 1):
        if not reach[i]:
            continue
        for j in range(i + 1, n + 1):
            if not reach[j] and fragment[i:j] in _ENDINGS:
                reach[j] = True
    return reach[n]


class Lexicon:
    """Word forms known to be whole words: from other plans and from the text itself."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._words: set[str] = set()
        self.add(words)

    def add(self, words: Iterable[str]) -> None:
        """Add word forms (lower-cased; hyphenated words also by their parts)."""
        for word in words:
            word = word.lower()
            for form in (word, *word.split("-")):
                if len(form) >= 3:
                    self._words.add(form)
        self._sorted = sorted(self._words)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Lexicon:
        """The words of running texts (e.g. every cell of the plans already transcribed)."""
        return cls(w for text in texts for w in _WORD.findall(text))

    def add_whole_words(self, lines: list[Line]) -> None:
        """Add the words of ``lines`` that the print shows whole: a blank or a cell edge on both sides."""
        found = []
        for i, line in enumerate(lines):
            tokens = line.text.split(" ")
            # A line after an empty line, or after a line ending in a blank, starts with a whole word.
            starts_clean = i == 0 or line.blanks_before == 1 or lines[i - 1].open_end
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            ends_clean = line.open_end or nxt is None or nxt.blanks_before == 1
            for k, token in enumerate(tokens):
                if (k > 0 or starts_clean) and (k < len(tokens) - 1 or ends_clean):
                    found.extend(_WORD.findall(token))
        self.add(found)

    @property
    def words(self) -> frozenset[str]:
        """Every known word form (lower case)."""
        return frozenset(self._words)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._words

    def continues(self, head: str, rest: str) -> bool:
        """True if a known word starts with ``head`` and goes on as ``rest`` does for three letters or more."""
        for stem in {head, head.rsplit("-", 1)[-1]}:
            probe = stem + rest[:3]
            if len(rest) < 3 or len(stem) < 3:
                continue
            i = bisect.bisect_left(self._sorted, probe)
            if i < len(self._sorted) and self._sorted[i].startswith(probe):
                return True
        return False


def joint(a: Line, b: Line, lexicon: Lexicon, quote_open: bool = False) -> Joint:
    """How line ``b`` joins the line ``a`` printed before it.

    ``quote_open``: a straight quote is open after ``a`` (an odd number of them so far), which
    tells an opening quote at the end of ``a`` or a closing one at the start of ``b``.
    """
    left, right = a.text.split(" ")[-1], b.text.split(" ")[0]
    if re.match(r"^[-–] [^\s\d\-–]", b.text):
        # "- item" opens an item of a dash-list: plans keep each item on a line of its own.
        return Joint(False, True, "a dash-list item starts a line", newline=True)
    x, y = _core(left), _core(right)
    if re.search(r"[^\W\d_]-$", left):
        # A compound broken at its own hyphen ("әлеуметтік-" / "педагогикалық"), unless a word
        # follows that stands alone ("қысқа- және орта мерзімді").
        if y in FUNCTION_WORDS:
            return Joint(False, False, f"'{left}' ends in a hyphen but '{right}' stands alone")
        return Joint(True, True, "a compound broken at its hyphen")
    if right[0] in ",.;:!?)»]" or (right[0] == '"' and quote_open):
        return Joint(True, True, "punctuation is not spaced from the word before")
    # A quote right after a letter closes (its opening may be missing from the print): only a quote
    # that stands alone or follows a non-letter can open.
    if left[-1] in "(«[„" or (left[-1] == '"' and quote_open and (len(left) == 1 or not left[-2].isalpha())):
        return Joint(True, True, "an opening bracket or quote is not spaced from the word after")
    if a.open_end:
        return Joint(False, True, "the line ends in a blank")
    if left[-1] in ',.;:!?)»"–—' or right[0] in '(«"„[':
        return Joint(False, True, "punctuation between words")
    if right[0].isdigit() or left[-1].isdigit():
        sure = not (right[0].isdigit() and left[-1].isdigit())
        return Joint(False, sure, "a number is a word of its own")
    if right[0].isupper() or _UPPER_CODE.match(left):
        return Joint(False, True, "a capital letter or a code starts a word")
    if not x or not y:
        return Joint(False, False, "no letters to join")
    if x + y in lexicon:
        return Joint(True, True, f"'{x + y}' is a known word")
    if "-" in x and x.rsplit("-", 1)[-1] + y in lexicon:
        # A compound broken after its hyphen and a letter or two ("психиатр-дә" / "рігерлерді").
        return Joint(True, True, f"'{x.rsplit('-', 1)[-1] + y}' is a known word")
    if y in FUNCTION_WORDS:
        return Joint(False, True, f"'{y}' stands alone")
    if len(y) == 1 or y[0] in _NEVER_INITIAL:
        return Joint(True, True, f"no word begins '{y}'")
    if x in lexicon and y in lexicon:
        return Joint(False, True, f"'{x}' and '{y}' are both known words")
    if is_ending(y):
        return Joint(True, True, f"'{y}' is a word ending")
    if x in lexicon or y in lexicon:
        return Joint(False, True, f"'{x if x in lexicon else y}' is a known word")
    if lexicon.continues(x, y):
        return Joint(True, False, f"a known word begins '{x + y[:3]}'")
    return Joint(False, False, "neither part is a known word")


def join_lines(lines: list[Line], lexicon: Lexicon) -> tuple[str, list[tuple[Line, Line, Joint]]]:
    """The lines as one text, and the joins that were guesses (for review)."""
    if not lines:
        return "", []
    parts, guesses = [lines[0].text], []
    quotes = lines[0].text.count('"')
    for a, b in itertools.pairwise(lines):
        j = joint(a, b, lexicon, quotes % 2 == 1)
        quotes += b.text.count('"')
        if not j.sure:
            guesses.append((a, b, j))
        parts.append(b.text if j.glue else ("\n" if j.newline else " ") + b.text)
    # A Latin letter printed alone at a line's end is inside a Cyrillic word once the lines are joined.
    return fix_lookalikes("".join(parts)), guesses
