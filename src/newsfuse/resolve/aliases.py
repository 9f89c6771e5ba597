"""Aliases: acronyms defined in the text, a small curated table, and country names.

* Definitions in the text: "Islamic Revolutionary Guard Corps (IRGC)" and "PMU (Popular
  Mobilization Units)". The long form is found with the Schwartz & Hearst (2003) algorithm:
  the acronym's letters must appear, in order, in the words just before it, the first letter
  at the start of a word; this accepts initials (SOHR) and syllable acronyms (CENTCOM).
* A curated table for well-known acronyms and alternative names whose expansion is often not
  given in the article (the expansion becomes the canonical name when only the acronym occurs).
* Country names from pycountry: official names ("Islamic Republic of Iran", "Syrian Arab
  Republic") mean the country's common name.
"""

from __future__ import annotations

import functools
import re

__all__ = ["ALIASES", "find_definitions", "long_form", "country_aliases", "alias_for"]

# acronym or alternative name -> expansion. Only names that mean one thing in news text.
ALIASES: dict[str, str] = {
    "IRGC": "Islamic Revolutionary Guard Corps",
    "CENTCOM": "US Central Command",
    "SOHR": "Syrian Observatory for Human Rights",
    "PMU": "Popular Mobilization Units",
    "PMF": "Popular Mobilization Units",
    "Popular Mobilization Forces": "Popular Mobilization Units",
    "Hashd al-Shaabi": "Popular Mobilization Units",
    "al-Hashd al-Shaabi": "Popular Mobilization Units",
    "ISIS": "Islamic State",
    "ISIL": "Islamic State",
    "Daesh": "Islamic State",
    "Islamic State of Iraq and Syria": "Islamic State",
    "Islamic State of Iraq and the Levant": "Islamic State",
    "AFP": "Agence France-Presse",
    "Agence France Presse": "Agence France-Presse",
    "AP": "Associated Press",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "UNSC": "UN Security Council",
    "United Nations Security Council": "UN Security Council",
    "NATO": "North Atlantic Treaty Organization",
    "EU": "European Union",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "NSC": "National Security Council",
    "DoD": "Department of Defense",
    "CIA": "Central Intelligence Agency",
    "FBI": "Federal Bureau of Investigation",
    "IDF": "Israel Defense Forces",
    "SDF": "Syrian Democratic Forces",
    "KRG": "Kurdistan Regional Government",
    "PKK": "Kurdistan Workers' Party",
    "IAEA": "International Atomic Energy Agency",
    "ICRC": "International Committee of the Red Cross",
    "UNHCR": "UN Refugee Agency",
    "WHO": "World Health Organization",
    "NYPD": "New York Police Department",
    "LAPD": "Los Angeles Police Department",
    "ATF": "Bureau of Alcohol, Tobacco, Firearms and Explosives",
    "DEA": "Drug Enforcement Administration",
    "DHS": "Department of Homeland Security",
    "NTSB": "National Transportation Safety Board",
    "FAA": "Federal Aviation Administration",
    "CDC": "Centers for Disease Control and Prevention",
}

_DEF_AFTER = re.compile(r"\(\s*([A-Z][A-Za-z.\-]{1,11})\s*[)\]]?")
_DEF_BEFORE = re.compile(r"\b([A-Z][A-Z.]{1,9})\s+\(([A-Z][^()]{3,80})\)")


def long_form(short: str, window: str) -> str | None:
    """The words at the end of ``window`` that ``short`` abbreviates (Schwartz & Hearst),
    or None."""
    letters = [c.lower() for c in short if c.isalnum()]
    if len(letters) < 2:
        return None
    s_idx, l_idx = len(letters) - 1, len(window) - 1
    text = window.lower()
    while s_idx >= 0:
        char = letters[s_idx]
        while l_idx >= 0 and (text[l_idx] != char or (s_idx == 0 and l_idx > 0 and text[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = l_idx + 1
    found = window[start:].strip()
    words = found.split()
    # Too long for the acronym: a chance match across a whole clause.
    if not words or len(words) > min(len(letters) + 4, len(letters) * 2 + 1) or not found[:1].isupper():
        return None
    return found


def find_definitions(text: str) -> list[tuple[str, str]]:
    """(acronym, long form) pairs defined in ``text``, in text order."""
    pairs = []
    for match in _DEF_AFTER.finditer(text):
        short = match.group(1)
        if not _acronym_like(short):
            continue
        window = _window_before(text, match.start())
        found = long_form(short, window)
        if found:
            pairs.append((short, found))
    for match in _DEF_BEFORE.finditer(text):
        short, inner = match.group(1), match.group(2).strip()
        if _acronym_like(short) and long_form(short, inner) == inner:
            pairs.append((short, inner))
    return pairs


def _acronym_like(short: str) -> bool:
    letters = short.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)


def _window_before(text: str, end: int) -> str:
    """Up to 10 words before ``end`` in the same clause (no crossing . ; : or a line break)."""
    start = max(0, end - 120)
    window = text[start:end]
    cut = max(window.rfind(p) for p in (". ", ";", ":", "\n", ", ", "(", "\u2013", "\u2014"))
    if cut >= 0:
        window = window[cut + 1:]
    words = window.split()
    return " ".join(words[-10:])


@functools.lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Official and formal country names -> the common short name."""
    import pycountry

    table: dict[str, str] = {}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name.split(",")[0]
        for name in (getattr(country, "official_name", None), country.name):
            if name and name != short and "," not in name:
                table[name] = short
    table["United States of America"] = "United States"
    return table


def alias_for(display: str) -> str | None:
    """The expansion or common name ``display`` stands for, if the tables know it."""
    if display in ALIASES:
        return ALIASES[display]
    return country_aliases().get(display)
