"""Layer ``store``: files on disk. YAML input and output, loading into models, serialization of
versions, the JSON Schema, and the repository (plans/, consolidated/, atomic writes).

May import ``amend.engine`` and ``amend.errors``. Never a query, a renderer or the CLI: what a
consolidated file would contain is computed above, in ``amend.outputs.consolidated``.
"""
