"""The order of the standard annotate components.

Each module registers its component(s) here; the order matters (see ``requires``).
"""

from __future__ import annotations

from . import Component

COMPONENTS: list[Component] = []
