"""Kazakh and Russian, in one place: every form a text of ours is made of, from plain facts.

The bottom layer beside ``errors``: it imports nothing of amend, and every layer may import it. Cyrillic
text stands here (and in the grammar and the page templates) and nowhere else, so that a form is written
once and the reader, the writer and every rendering agree on it.

- ``cases``: the act's kinds and issuers in each case, months, number words, morphology
- ``dates``: dates as the acts and the notes write them
- ``notes``: every note form, per change and cumulative (docs/notes.md)
- ``phrases`` / ``phrases_ru``: the phrases of the amending formulas, Kazakh and Russian
- ``interface``: the words of the renderings, the site and the exports
- ``lexicon``: the words the importer reads a printed text by (headings, columns, amounts, page furniture)
- ``letters``: the Cyrillic range, Kazakh capitals, glyph widths (cheap: the store and the engine import it)
"""
