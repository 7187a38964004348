"""What the owner learns from the questions: figures per period, the most-cited documents and the
coverage gaps (questions the corpus could not answer, grouped by the words they share); for
/stats, for `python -m bot.stats` and as CSV."""
