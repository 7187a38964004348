"""Errors of the bot's own (retrieval errors live in retrieval.errors)."""

from __future__ import annotations

from discord import app_commands

from retrieval.errors import RetrievalError


class NotOwner(app_commands.CheckFailure):
    """The command is for the bot's owner only."""


class CorpusLoading(RetrievalError):
    """A question came before the corpus finished loading."""


class ReloadInProgress(Exception):
    """A reload was asked for while another was running."""
