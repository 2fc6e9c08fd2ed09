"""Helpers shared by several test folders (imported by tests, never a conftest)."""
