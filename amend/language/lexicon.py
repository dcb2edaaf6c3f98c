"""The words and letters our code reads texts by: the Cyrillic letter ranges, the words an amending act's
heading and enacting line are found by, the words the importer reads a printed plan by (headings, column
titles, amounts, page furniture), and the lookalike letters a print mixes in.

Patterns here are regular-expression source text (compiled where used), so that the words stay here.
"""

from __future__ import annotations

# -- letters -----------------------------------------------------------------------------------------

# Every Cyrillic letter, as a range of a regular expression's character class (Kazakh's extra letters
# Ә Ғ Қ Ң Ө Ұ Ү Һ І lie inside it).
CYRILLIC = "\u0400-\u04ff"
# The capitals of Kazakh, as a character class's content (codes of executors: ДСМ, ҚР ДСМ).
KAZAKH_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
# Letters of a Roman numeral as a print types them in Cyrillic (І for I, Х for X, С for C, У for V).
ROMAN_LOOKALIKES = {"І": "I", "Х": "X", "С": "C", "У": "V"}
ROMAN_DIGITS = "IVXLCІХС"

# -- an amending act's heading and closing lines -----------------------------------------------------

# "ҚАУЛЫ ЕТЕДІ:" (the Government), "БҰЙЫРАМЫН:" (an order), "ҚАУЛЫ ЕТЕМІН:": the enacting line.
ENACTING = r"(ҚАУЛЫ ЕТЕДІ|БҰЙЫРАМЫН|ҚАУЛЫ ЕТЕМІН)\s*:"
ENACTING_WHO = r"^(?P<who>.+?)\s+(?:ҚАУЛЫ ЕТЕДІ|БҰЙЫРАМЫН)"
# "2024 жылғы 5 наурыздағы": a long date, the month in any case.
LONG_DATE = r"(?P<year>\d{4})\s+жылғы\s+(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)"
# "2026 жылғы 1 қаңтардан бастап": the day from which something holds.
FROM_DATE = r"(\d{4})\s+жылғы\s+(\d{1,2})\s+([^\W\d_]+)\s+бастап"
# "... № 748 қаулысына": the act a heading amends, by its number.
AMENDS = r"№\s*(\S+)\s+(?:қаулысына|бұйрығына|Жарлығына|жарлығына)"
# "Осы қаулы ... қолданысқа енгізіледі": the closing point on entry into force.
ENTRY_WORDS = r"^(?:\d+\.\s+)?Осы\s+.*қолданысқа\s+енгізіледі"
# '"X" деген аббревиатура': an abbreviation named in a words formula.
ABBREVIATION_NAMED = r"деген\s+аббревиатура(?!\w)"
# The example a message about an unread heading gives.
HEADING_EXAMPLE = "... 2024 жылғы 5 наурыздағы № 120 қаулысы"

# -- the importer's notes on words (messages quote the words they are about) --------------------------

PLAN_TITLE_WORD = "атауы"  # the plan's (or a section's) title
ACT_TITLE_WORD = "тақырыбы"  # the resolution's title

# -- money -------------------------------------------------------------------------------------------

TENGE = "теңге"

# -- letters' widths (Times New Roman, in em; amend.outputs.widths) ----------------------------------

NARROW_LETTERS = "ijlfrtіїI.,:;!'|"
WIDE_LOWER_LETTERS = "жшщмюыфmwәөұ"
WIDE_UPPER_LETTERS = "ЖШЩМЮЫФMWӘҚҢӨҰ%№"

# -- lint --------------------------------------------------------------------------------------------

LOOKALIKE_EXAMPLES = "i for і, o for о"  # Latin letters that look Cyrillic
CODE_EXAMPLES = "ДСМ, БП ҚСАЕАК"  # abbreviation codes
# "... № 120 қаулысы": the kind of act as a heading names it.
ACT_KIND_NOMINATIVE = "қаулысы|бұйрығы|Жарлығы|жарлығы|Заңы|заңы"
