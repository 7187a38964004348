"""The per-user cooldown shared by /ask and mentions."""

from __future__ import annotations

import pytest
from discord import app_commands

from bot.cooldown import UserCooldown


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_allows_rate_then_asks_to_wait() -> None:
    """`rate` questions pass; the next one gets the remaining seconds."""
    clock = Clock()
    cooldown = UserCooldown(2, 30, clock=clock)
    assert cooldown.hit(1) is None
    clock.now += 10
    assert cooldown.hit(1) is None
    assert cooldown.hit(1) == pytest.approx(20)


def test_users_have_separate_buckets() -> None:
    """One user's questions do not slow another down."""
    cooldown = UserCooldown(1, 30, clock=Clock())
    assert cooldown.hit(1) is None
    assert cooldown.hit(2) is None
    assert cooldown.hit(1) is not None


def test_allowance_returns_after_the_period() -> None:
    """After the period the user may ask again."""
    clock = Clock()
    cooldown = UserCooldown(1, 30, clock=clock)
    cooldown.hit(1)
    clock.now += 31
    assert cooldown.hit(1) is None


@pytest.mark.parametrize(("rate", "per"), [(0, 30), (3, 0)])
def test_zero_disables(rate: int, per: float) -> None:
    """A rate or period of 0 turns the cooldown off entirely."""
    cooldown = UserCooldown(rate, per, clock=Clock())
    assert all(cooldown.hit(1) is None for _ in range(100))
    assert len(cooldown) == 0


def test_check_raises_discords_cooldown_error() -> None:
    """check() raises app_commands.CommandOnCooldown with the wait."""
    cooldown = UserCooldown(1, 30, clock=Clock())
    cooldown.check(1)
    with pytest.raises(app_commands.CommandOnCooldown) as raised:
        cooldown.check(1)
    assert raised.value.retry_after == pytest.approx(30)
