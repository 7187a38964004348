"""A per-user cooldown shared by /ask and mentions, so neither is a way around the other."""

from __future__ import annotations

import time
from collections.abc import Callable

from discord import app_commands


class UserCooldown:
    """`rate` questions per `per` seconds for each user; disabled when either is 0.

    Buckets are discord.py's own token buckets (`app_commands.Cooldown`), one per user, pruned
    once idle so the mapping cannot grow without bound.
    """

    def __init__(self, rate: int, per: float, *, clock: Callable[[], float] = time.time) -> None:
        self.rate = rate
        self.per = per
        self._clock = clock
        self._buckets: dict[int, app_commands.Cooldown] = {}

    @property
    def enabled(self) -> bool:
        return self.rate > 0 and self.per > 0

    def hit(self, user_id: int) -> float | None:
        """Count one question from `user_id`; the seconds to wait when over the limit, else None."""
        if not self.enabled:
            return None
        now = self._clock()
        self._prune(now)
        bucket = self._buckets.setdefault(user_id, app_commands.Cooldown(self.rate, self.per))
        retry_after = bucket.update_rate_limit(now)
        return retry_after if retry_after and retry_after > 0 else None

    def check(self, user_id: int) -> None:
        """Raise `app_commands.CommandOnCooldown` when `user_id` must wait."""
        retry_after = self.hit(user_id)
        if retry_after is not None:
            raise app_commands.CommandOnCooldown(self._buckets[user_id], retry_after)

    def _prune(self, now: float) -> None:
        if len(self._buckets) < 1024:
            return
        idle = [user for user, b in self._buckets.items() if now > b._last + self.per]
        for user in idle:
            del self._buckets[user]

    def __len__(self) -> int:
        return len(self._buckets)
