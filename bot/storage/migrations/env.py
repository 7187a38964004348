"""Alembic's entry point. The bot runs migrations itself (`Database.upgrade`), handing over an
open connection; run by hand (`alembic -x url=...`), it connects to the URL given."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bot.storage.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is not None:
    context.configure(connection=connection, target_metadata=Base.metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("give the database as: alembic -x url=sqlite:///lingnan.db upgrade head")
    engine = create_engine(url)
    with engine.connect() as own_connection:
        context.configure(connection=own_connection, target_metadata=Base.metadata)
        with context.begin_transaction():
            context.run_migrations()
