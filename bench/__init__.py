"""Benchmarks of the engine at national-corpus scale (run: python -m bench)."""
