"""Layer ``outputs``: renderings of versions and queries (Markdown, HTML, DOCX, CSV/XLSX/JSON, AKN, the
site) and the consolidated files that ``build`` writes.

May import ``amend.importer`` (the wording of amending texts), ``amend.queries``, ``amend.store``,
``amend.engine`` and ``amend.errors``.
"""
