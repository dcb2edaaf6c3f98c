"""Layer ``store``: files on disk. The input boundary (``inputs``: bytes, characters, limits, texts,
identifiers), YAML input and output, loading into models, serialization of versions, the JSON Schema,
the repository (plans/, consolidated/) and every write (``writing``: atomic, inside its folder).

May import ``amend.engine``, ``amend.language`` and ``amend.errors``. Never a query, a renderer or the CLI: what a
consolidated file would contain is computed above, in ``amend.outputs.consolidated``.
"""
