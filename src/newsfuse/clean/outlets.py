"""Outlet names: from a URL's domain, a "source" field, or a name the text gives.

A small table maps well-known news domains and legal names to the names people use
("cable news network" -> "CNN"). Unknown domains fall back to their registrable domain
("news4jax.com", found by a small rule, no public-suffix download): stated by the input,
never guessed. Nothing here invents an outlet.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["outlet_from_url", "outlet_from_source", "outlet_from_name", "registrable_domain", "KNOWN_OUTLETS"]

# registrable domain -> outlet name
_DOMAINS = {
    "cnn.com": "CNN",
    "rudaw.net": "Rudaw",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "ap.org": "Associated Press",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "foxnews.com": "Fox News",
    "theguardian.com": "The Guardian",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "npr.org": "NPR",
    "wsj.com": "The Wall Street Journal",
    "bloomberg.com": "Bloomberg",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "politico.com": "Politico",
    "axios.com": "Axios",
    "thehill.com": "The Hill",
    "cnbc.com": "CNBC",
    "news.sky.com": "Sky News",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "france24.com": "France 24",
    "dw.com": "DW",
    "afp.com": "AFP",
    "aa.com.tr": "Anadolu Agency",
    "arabnews.com": "Arab News",
    "thenationalnews.com": "The National",
    "middleeasteye.net": "Middle East Eye",
    "timesofisrael.com": "The Times of Israel",
    "haaretz.com": "Haaretz",
    "kurdistan24.net": "Kurdistan24",
    "alarabiya.net": "Al Arabiya",
    "english.alarabiya.net": "Al Arabiya",
    "sana.sy": "SANA",
    "irna.ir": "IRNA",
    "presstv.ir": "Press TV",
    "tasnimnews.com": "Tasnim",
    "efe.com": "EFE",
    "europapress.es": "Europa Press",
    "elpais.com": "El País",
    "lemonde.fr": "Le Monde",
    "euronews.com": "Euronews",
    "voanews.com": "Voice of America",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "time.com": "Time",
    "newsweek.com": "Newsweek",
    "abc.net.au": "ABC News (Australia)",
    "cbc.ca": "CBC News",
    "globalnews.ca": "Global News",
    "hurriyetdailynews.com": "Hürriyet Daily News",
    "dailysabah.com": "Daily Sabah",
    "al-monitor.com": "Al-Monitor",
    "shafaq.com": "Shafaq News",
    "ina.iq": "Iraqi News Agency",
    "syriahr.com": "Syrian Observatory for Human Rights",
    "enabbaladi.net": "Enab Baladi",
    "northpresslive.com": "North Press Agency",
    "npasyria.com": "North Press Agency",
}

# lower-cased name, legal name or wire credit -> outlet name
_NAMES = {
    "cnn": "CNN",
    "cable news network": "CNN",
    "rudaw": "Rudaw",
    "rudaw media network": "Rudaw",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "Associated Press",
    "the associated press": "Associated Press",
    "associated press": "Associated Press",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "bbc": "BBC",
    "bbc news": "BBC",
    "al jazeera": "Al Jazeera",
    "al jazeera english": "Al Jazeera",
    "the new york times": "The New York Times",
    "new york times": "The New York Times",
    "the washington post": "The Washington Post",
    "washington post": "The Washington Post",
    "fox news": "Fox News",
    "efe": "EFE",
    "agencia efe": "EFE",
    "europa press": "Europa Press",
    "anadolu agency": "Anadolu Agency",
    "anadolu": "Anadolu Agency",
    "sana": "SANA",
    "irna": "IRNA",
    "kurdistan24": "Kurdistan24",
    "kurdistan 24": "Kurdistan24",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "upi": "UPI",
}

KNOWN_OUTLETS = frozenset(_DOMAINS.values()) | frozenset(_NAMES.values())
_DOMAIN_LIKE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:/.*)?$", re.IGNORECASE)


# Second-level labels under which country domains register names ("bbc.co.uk",
# "aa.com.tr", "ina.gov.iq"): with a two-letter country code, the name is three labels.
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "gob", "go", "nic", "mil", "or", "ne", "news"})
_IP = re.compile(r"^[\d.]+$|^\[.*\]$")


def registrable_domain(url: str) -> str | None:
    """The registrable domain of ``url`` ("lite.cnn.com" -> "cnn.com", "www.bbc.co.uk" ->
    "bbc.co.uk"). A small rule instead of the public-suffix list: fast, offline, and
    right for news sites (private suffixes such as blogspot hosts give the platform)."""
    if "//" not in url:
        url = "http://" + url
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or _IP.match(host) or " " in host:
        return None
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def outlet_from_url(url: str | None, fallback: bool = True) -> str | None:
    """The outlet a URL belongs to: the table's name, else (with ``fallback``) the
    registrable domain."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "http://" + url).hostname or "").lower()
    except ValueError:
        return None
    # A table entry may be a full host ("abcnews.go.com") as well as a registrable domain.
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = _DOMAINS.get(".".join(parts[i:]))
        if name:
            return name
    return registrable_domain(url) if fallback else None


def outlet_from_name(name: str | None) -> str | None:
    """The outlet a name stands for: the table's name, else the name as written (tidied)."""
    if not name:
        return None
    tidy = re.sub(r"\s+", " ", name).strip(" .,;:|-–—()")
    if not tidy:
        return None
    return _NAMES.get(tidy.casefold(), tidy)


def outlet_from_source(source: object) -> str | None:
    """A record's "source" field: a domain ("cnn.com") or a name ("CNN")."""
    if not isinstance(source, str) or not source.strip():
        return None
    source = source.strip()
    if _DOMAIN_LIKE.match(source) or source.lower().startswith(("http://", "https://")):
        return outlet_from_url(source)
    return outlet_from_name(source)


def known_name(name: str) -> str | None:
    """The outlet ``name`` stands for when the table knows it, else None."""
    return _NAMES.get(re.sub(r"\s+", " ", name).strip(" .,;:|-–—()").casefold())
