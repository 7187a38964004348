"""The load benchmark's table, on figures made by hand (the benchmark itself takes minutes)."""

from __future__ import annotations

from typing import Any

from retrieval.bench_load import format_result


def _step(seconds: float) -> dict[str, Any]:
    return {"seconds": seconds, "peak_mb": 1000.0, "held_mb": 900.0}


def test_table_has_a_column_per_code_and_a_dash_where_a_step_was_not_run() -> None:
    """The baseline's first load stands beside the others; its restart is a dash."""
    first = {**_step(600.0), "mb_per_second": 0.33}
    result = {
        "megabytes": 200.0,
        "files": 3897,
        "baseline": {"first_load": first},
        "after": {
            "first_load": first,
            "restart": {**_step(8.0), "warm_up": {"seconds": 50.0, "peak_mb": 1500.0}},
            "add_one_document": _step(20.0),
        },
    }
    lines = format_result(result).splitlines()
    assert lines[1].split() == ["baseline", "after"]
    restart = next(line for line in lines if line.startswith("restart"))
    assert restart.split()[1] == "-"
    assert "8.0 s" in restart
    warm_up = lines[lines.index(restart) + 1]
    assert warm_up.strip().startswith("then warm-up") and "50.0 s" in warm_up
    assert lines[-1].split()[-2:] == ["0.33", "MB/s"]


def test_the_bots_reload_has_its_row_and_the_time_behind_it() -> None:
    """With a reload measured, the table gives the seconds until the added file is served, and
    those the own copies and translations took after; a dash for code that carried nothing."""
    first = {**_step(600.0), "mb_per_second": 0.33}
    reload = {"seconds": 21.0, "peak_mb": 2400.0, "carried_over": True, "complete_seconds": 80.0}
    result = {
        "megabytes": 200.0,
        "files": 3897,
        "before": {
            "first_load": first,
            "bot_reload": {**reload, "seconds": 101.0, "carried_over": False},
        },
        "after": {"first_load": first, "bot_reload": reload},
    }
    lines = format_result(result).splitlines()
    served = next(line for line in lines if line.startswith("bot: add, then serving"))
    assert "101.0 s" in served and "21.0 s" in served
    behind = lines[lines.index(served) + 1].split()
    assert behind[:3] == ["then", "own", "tables"] and behind[3:] == ["-", "80.0", "s"]
