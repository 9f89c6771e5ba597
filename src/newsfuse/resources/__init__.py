"""Curated data tables shipped with newsfuse (read with importlib.resources)."""
