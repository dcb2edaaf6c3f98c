"""The letters of Kazakh and Russian as our code needs them cheaply (the store, the engine, lint and the
renderings import this, not the importer's ``lexicon``): the Cyrillic range, Kazakh capitals, glyph widths,
the examples messages give, and the word of money.
"""

from __future__ import annotations

# Every Cyrillic letter, as a range of a regular expression's character class (Kazakh's extra letters
# Ә Ғ Қ Ң Ө Ұ Ү Һ І lie inside it).
CYRILLIC = "\u0400-\u04ff"
# The capitals of Kazakh, as a character class's content (codes of executors: ДСМ, ҚР ДСМ).
KAZAKH_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"

# -- money -------------------------------------------------------------------------------------------

TENGE = "теңге"

# -- letters' widths (Times New Roman, in em; amend.outputs.widths) ----------------------------------

NARROW_LETTERS = "ijlfrtіїI.,:;!'|"
WIDE_LOWER_LETTERS = "жшщмюыфmwәөұ"
WIDE_UPPER_LETTERS = "ЖШЩМЮЫФMWӘҚҢӨҰ%№"

# -- lint --------------------------------------------------------------------------------------------

LOOKALIKE_EXAMPLES = "i for і, o for о"  # Latin letters that look Cyrillic
CODE_EXAMPLES = "ДСМ, БП ҚСАЕАК"  # abbreviation codes
