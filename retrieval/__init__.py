"""lingnan's retrieval core: corpus, passages, BM25 search and the officials directory.

This package knows nothing of Discord; the bot (``bot/``) depends on it, never the reverse.
"""
