"""Layer ``ci``: checks for continuous integration (``amend check``), conflicts, lint and reports.

May import ``amend.outputs``, ``amend.queries``, ``amend.store``, ``amend.engine``, ``amend.language`` and
``amend.errors``.
"""
