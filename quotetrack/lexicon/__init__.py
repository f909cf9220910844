"""Lexicon data files (TSV) shipped with the package; loaded by quotetrack.extractor.lexicon."""
