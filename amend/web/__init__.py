"""Layer ``web``: ``amend serve``, the drafting workbench and the auditors' JSON API (FastAPI on uvicorn).

May import every layer below the CLI (ci, importer, outputs, queries, store, engine, language, errors); only the
CLI's thin ``serve`` command imports it. The handlers call the same library functions as the CLI
(``queries.status.show_data``, ``ci.workbench``, ``outputs.site``), so the CLI and the API give the same
JSON. ``security`` guards every request (Host, Origin, token, body size); ``uploads`` reads an uploaded
draft; ``state`` holds the repository read once until its files change; ``api`` and ``pages`` are the
routers; ``app.create_app`` puts them together.
"""
