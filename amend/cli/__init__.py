"""Layer ``cli``: the ``amend`` command, thin functions that parse arguments and call the library.

May import every other layer. Nothing imports it. ``common`` holds the shared app, options and
``fail``; each other module registers one area's commands.
"""
