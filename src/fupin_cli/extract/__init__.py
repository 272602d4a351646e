"""Reading meaning out of text: structure tokens, unit lists, actors, relations, accountability.

Everything here runs at ingest time and its results are stored in the documents; no query
re-parses article text.
"""
