"""fupin: Chinese poverty-alleviation responsibility rules as structured, validated data."""

__version__ = "0.1.0"
