"""Builds plainlang's lexicon tables (data/*.tsv) from the raw public sources.

The entry point is data/tools/build_lexicon.py; each module here builds one
table or reads one kind of input.
"""
