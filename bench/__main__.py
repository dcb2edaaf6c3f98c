"""python -m bench [--quick]: the benchmark's figures, printed."""

from bench.run import main

main()
