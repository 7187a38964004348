"""The first schema: questions, the quotes they showed, votes, server settings, meta.

Revision ID: 0001
Revises:
Create Date: 2025-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=True),
        sa.Column("via", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("quote_count", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True, unique=True),
    )
    op.create_index("ix_questions_asked_at", "questions", ["asked_at"])
    op.create_index("ix_questions_day", "questions", ["day"])
    op.create_table(
        "shown_quotes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "question_id",
            sa.Integer(),
            sa.ForeignKey("questions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(512), nullable=False),
        sa.Column("document_title", sa.String(512), nullable=False),
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=True),
    )
    op.create_index("ix_shown_quotes_question_id", "shown_quotes", ["question_id"])
    op.create_index("ix_shown_quotes_document_id", "shown_quotes", ["document_id"])
    op.create_table(
        "votes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("user_hash", sa.String(32), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("voted_at", sa.DateTime(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("commented_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("message_id", "user_hash", name="one_vote_per_reader"),
    )
    op.create_index("ix_votes_message_id", "votes", ["message_id"])
    op.create_table(
        "guild_settings",
        sa.Column("guild_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("mention_channels", sa.JSON(), nullable=False),
        sa.Column("quotes_per_page", sa.Integer(), nullable=True),
        sa.Column("private_answers", sa.Boolean(), nullable=True),
        sa.Column("reply_language", sa.String(8), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in ("meta", "guild_settings", "votes", "shown_quotes", "questions"):
        op.drop_table(table)
