"""The PySide6 window: a view over the Qt-free core.

Nothing under ``kaizen_exchange.gui`` fetches from the network or computes a schedule
itself; it calls core functions off the GUI thread (:mod:`.workers`) and draws what
they return. Import this package only when a window is wanted: the command line
stays Qt-free and fast.
"""

# The store's modules load before Qt, where imports are cheaper (see warmup.py).
from kaizen_exchange.gui import warmup as _warmup  # noqa: F401
