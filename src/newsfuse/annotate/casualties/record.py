"""The record of one casualty statement of a sentence, counted or about a single victim:
what :mod:`.statements` and :mod:`.single_victims` read and :mod:`.tallies` adds up."""

from __future__ import annotations

from dataclasses import dataclass

from ..numbers import Quantity

__all__ = ["Statement"]


@dataclass
class Statement:
    """One casualty statement of a sentence. ``victim`` holds the keys that identify a
    single victim ("name:mason", "age:35", "noun:man"); empty for counted statements."""

    slot: str
    quantity: Quantity | None
    start: int
    end: int
    sentence: tuple[int, int]
    scope: str | None = None
    victim: frozenset[str] = frozenset()
    definite: bool = True
    new_victim: bool = False
    background: bool = False
    title: bool = False  # read from the title: offsets index the title, not the text
    text: str = ""  # the sentence
    active: bool = False  # the object of an active verb ("killing four", "wounded her son")
    with_shooter: bool = False  # the count names the shooter among the dead ("kills 2, then himself")
    shooter_self: bool = False  # a shooter who killed himself ("turned the gun on himself")
    earlier: bool = False  # in a clause dated before the article's incident ("In March, a man was killed")

    @property
    def value(self) -> int:
        return int(self.quantity.value) if self.quantity else 1
