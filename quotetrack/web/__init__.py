"""The web view: datasette on a quotetrack SQLite file (``quotetrack serve``, extra ``[web]``).

Package data: ``metadata.json`` (titles, bilingual column descriptions, full-text search
and the canned queries for the README's questions), ``speaker_ids.sql`` (the CLI's speaker
matching, in SQL), ``templates/pages/speaker.html`` (quotes per month as a chart) and
``plugins/quotetrack_datasette.py`` (SQL functions and the page's data).
"""
