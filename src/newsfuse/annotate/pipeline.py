"""The order of the standard annotate components.

Each module registers its component(s) here; the order matters (see ``requires``).
"""

from __future__ import annotations

from . import Component
from .dates import dates
from .mentions import mentions, sentences
from .places import places
from .quotes import quotes_component

# Core components: sentences and mentions first (every later step reads them), then
# places (needs mentions) and dates (needs sentences).
COMPONENTS: list[Component] = [sentences, mentions, places, dates, quotes_component]

# Figures as claims (casualties, other counts), event type and actors: they read sentences
# and mentions; their claims must exist before attribution below.
from .actors import actors  # noqa: E402
from .casualties import casualties  # noqa: E402
from .event_type import event_type  # noqa: E402
from .figures import figures  # noqa: E402

COMPONENTS += [casualties, figures, event_type, actors]

# Claim attribution last: it reads the claims, quotes, places and dates set above.
from .claims import claims_component  # noqa: E402

COMPONENTS.append(claims_component)
