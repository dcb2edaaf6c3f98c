"""``python -m amend``: the same as the ``amend`` command."""

from .cli import main

main()
