"""`python -m fupin_cli`."""

from .cli.app import main

main()
