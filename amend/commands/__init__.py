"""CLI commands beyond the core ones, one module per area; importing a module registers its commands.

Each module imports only typer at import time and the library inside its command functions, so that
`amend check` does not pay for python-docx or openpyxl.
"""
