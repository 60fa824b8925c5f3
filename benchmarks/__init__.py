"""Benchmarks against hand-written baselines; run ``python -m benchmarks.run``."""
