"""Layer ``engine``: the model, the operations as data, the one day step, the order rule and the timeline.

May import only ``amend.errors``, ``amend.language`` (its Kazakh and Russian forms), the standard library,
pydantic and pydantic-core. Never the store, the queries, the outputs or the CLI. ``step.apply_day`` is the
only code that applies operations and checks a day's invariants; every view asks a ``Timeline`` for its
versions.
"""
