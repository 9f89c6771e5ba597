"""The newsfuse command line: a thin shell over the library.

The library raises :class:`~newsfuse.errors.NewsfuseError`; this layer turns errors into
one message line on stderr and an exit status, and never holds logic of its own.

Exit statuses: 0 all well; 1 some inputs failed (the rest were processed);
2 usage error; 3 a newsfuse error stopped the command.
"""

from __future__ import annotations

from ._common import main

# Each module adds its commands to ``main`` when imported.
from . import articles as _articles  # noqa: F401,E402
from . import events as _events  # noqa: F401,E402

__all__ = ["main"]
