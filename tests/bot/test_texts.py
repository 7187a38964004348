"""Fixed sentences."""

from __future__ import annotations

from bot import texts


def test_cooldown_message_rounds_up_the_wait() -> None:
    """The cooldown sentence names the wait in whole seconds, never zero."""
    assert "wait 13 seconds" in texts.cooldown_message(12.1)
    assert "wait 1 second " in texts.cooldown_message(0.2)
