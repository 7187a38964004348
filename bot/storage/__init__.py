"""What the bot remembers: questions and whether they were answered, the quotes shown, votes and
comments, per-server settings. SQLite by default, PostgreSQL by URL, one schema kept by Alembic
migrations; every write goes through one batching queue off the answering path."""
