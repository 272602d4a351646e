"""One module per command; each is listed in `cli/registry.py`, which loads it lazily."""
