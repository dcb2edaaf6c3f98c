"""Layer ``outputs``: renderings of versions and queries (Markdown, HTML, DOCX, CSV/XLSX/JSON, AKN, the
site) and the consolidated files that ``build`` writes.

May import ``amend.queries``, ``amend.store``, ``amend.language`` (every Kazakh and Russian form),
``amend.engine`` and ``amend.errors``.
"""
