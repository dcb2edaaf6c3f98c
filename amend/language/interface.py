"""The words of our own texts around the acts' wording: the renderings' headings and labels, the currency
statement, the site's and the exports' interface, in Kazakh and Russian.

These are not legal text: they are the words a rendering stands them in. Legal text comes from the
sources, forms of notes and formulas from ``notes`` and ``phrases``.
"""

from __future__ import annotations

# -- a plan's legal facts (amend.engine.legal) -------------------------------------------------------

# "2023 – 2025 жылдарға арналған": the years a plan's title names (dash, en dash or hyphen).
TITLE_YEARS = r"(\d{4})\s*[–—-]\s*(\d{4})\s*жылдар"
# The currency statement of a rendering: the acts known on a day, or "none".
CURRENCY_KK = "{day} жағдай бойынша белгілі өзгерістер енгізетін актілер ескерілген: {acts}."
NONE_KK = "жоқ"
OTHER_ACTS_KK = " Өзгерістер енгізетін басқа актілер болуы мүмкін."

# -- how a text no source gives is shown ("unknown" in Kazakh) ---------------------------------------

UNKNOWN_MARK = "⟨белгісіз⟩"

# -- the DOCX template's own style names -------------------------------------------------------------

TABLE_TEXT_STYLE = "Кесте мәтіні"  # table cells
NOTE_STYLE = "Ескерту"  # the reference bank's notes

# -- the web pages ------------------------------------------------------------------------------------

PLANS = "Жоспарлар"
DRAFT = "Жоба"
DRAFT_TITLE = "Жоба: өзгерту актісінің мәтіні"
SAVED = "Сақталды (saved): {path}"
NO_TEXT = "Мәтін жоқ: paste the act's text or choose a file."
