"""The start-up check of the Qt binding must not mistake freed garbage for lost references."""

from __future__ import annotations

import gc

from kaizen_exchange.gui.qtcompat import CALLS, _lost, _overrides


def test_garbage_freed_during_the_check_is_not_a_broken_binding() -> None:
    """Cycles that hold None (an old traceback's frames, say) may be collected while
    the check counts None's references; that must not read as a broken binding."""
    thresholds = gc.get_threshold()
    gc.collect()
    gc.disable()
    for _ in range(5000):
        cycle: list[object] = [None, None]
        cycle.append(cycle)
    del cycle
    gc.set_threshold(1)  # the collector runs at the first allocation inside the check
    gc.enable()
    try:
        assert _lost(None, _overrides) < CALLS // 2
    finally:
        gc.set_threshold(*thresholds)
