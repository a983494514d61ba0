"""Benchmarks: they print figures and never assert a time (see benchmarks/README.md)."""
