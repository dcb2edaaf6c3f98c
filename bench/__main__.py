"""python -m bench [--quick]: the benchmark's figures, printed."""

from .run import main

main()
