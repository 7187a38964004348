"""lingnan's Discord bot: slash commands and mentions answered with verbatim, cited quotes.

Depends on `retrieval/` (never the reverse). Entry points: `python -m bot`, `bot.client.create_bot`,
`bot.client.run_bot`.
"""
