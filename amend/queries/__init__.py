"""Layer ``queries``: questions asked of a timeline's versions (history, in force, gaps, diff, the
comparative table and its redline). Nothing here applies an operation.

May import ``amend.store``, ``amend.engine``, ``amend.language`` and ``amend.errors``.
"""
