"""``python -m amend``: the same as the ``amend`` command."""

from amend.cli.app import main

main()
