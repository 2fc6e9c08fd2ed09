"""Benchmarks, kept apart from the tests: each prints its figures against a baseline
measured in the same run (see bench/README.md)."""
