"""Place names in an article, before resolution: the dateline, the place mentions of the
text, "X police", street addresses and the names in the title (see :mod:`.places` for how
they are resolved and how the main place is chosen, :mod:`.place_urls` for the places of
the URL)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pycountry

from ..model import AnnotatedArticle, Article, Mention
from .gazetteer import Entry, get_gazetteer, state_code
from .mentions import PLACE_LABELS

__all__ = ["Candidate", "aside", "collect_candidates", "common_word", "find_dateline", "find_addresses", "hamlet_name",
           "headline_candidates", "states_in_text", "title_candidates", "with_region"]

_DATELINE = re.compile(
    r"^[\u200b\ufeff\u00a0 ]*(?P<city>[A-Z][A-Z.'’\- ]{1,40}?[A-Z.])(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2}))?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|--|-|:|>>)\s+", re.M)
_DATELINE_LINE = re.compile(r"^([A-Z][A-Z.'’ -]{2,30}[A-Z])[ \t]*\n", re.M)
_STREET = (r"Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Place|Pl\.|Court|Ct\.?|"
           r"Way|Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Circle|Trail|Pike|Square|Alley|Loop|Row|Path")
_ADDRESS = re.compile(
    rf"\b(?:(?:the\s+)?(?P<block>\d{{1,6}})\s+block\s+of\s+|(?P<number>\d{{1,6}})\s+)?"
    rf"(?P<street>(?:(?:North|South|East|West|Northwest|Northeast|Southwest|Southeast|N\.|S\.|E\.|W\.|NW|NE|SW|SE)\s+)?"
    rf"(?:\d{{1,4}}(?:st|nd|rd|th)|[A-Z][a-z'’]+)(?:\s+[A-Z][a-z'’]+){{0,2}}\s+(?:{_STREET}))(?![A-Za-z])")
_TITLE_PLACE = re.compile(
    r"\b(?i:in|near|outside|inside|at|(?:north|south|east|west|northwest|northeast|southwest|southeast)\s+of)\s+"
    r"(?:(?i:north|south|east|west|northwest|northeast|southwest|southeast|downtown|"
    r"the|a|an|accidental|fatal|deadly|apparent|double|triple|early|late|weekend)\s+)?"
    r"((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,2})")
# "Dayton police said", "the Twin Falls Police Department", "Douglas County Sheriff's Office".
_POLICE = re.compile(r"((?:[A-Z][a-z'’.-]+(?:-[A-Z][a-z'’.]+)*\s+){1,3})(?:[Pp]olice|Sheriff|[Ss]heriff['’]s|Fire\s+Department)\b")
# English words that are also names of small places somewhere: never a place on their own.
_NOT_PLACES = frozenset(
    "metro downtown cathedral university police central city county state north south east west "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december christmas easter god mom dad update updated breaking watch video "
    "photos photo close playlist live exclusive developing advertisement related correction warning".split())
_REGION_AFTER = re.compile(r"^,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*)?)(?![\w-])")
# A clause that gives the cause of the event speaks of an earlier one: its places are not
# where this event happened ("in retaliation for the attack on Tower 22").
_BACKGROUND = re.compile(r"\b(?:in\s+response\s+to|in\s+retaliation|reprisal|retaliat\w*\s+for|avenge)\b", re.I)
# Words of US local news that other countries' news rarely uses; each kind found lends the
# US some weight ("Metro police" or "Police Department" alone say nothing of the country).


@dataclass
class Candidate:
    """A place name found in the article, before resolution."""

    name: str
    source: str  # "dateline", "text", "title"; "outlet" (title suffix: context only)
    start: int | None = None
    end: int | None = None
    state: str | None = None  # explicit US state after the name
    country: str | None = None  # explicit country after the name
    sentence: int = 99
    label: str = "GPE"  # the mention's label; "POLICE" for "Dayton police", "STATE" for a state in the title
    person_like: bool = False  # the name is also (the first name of) a PERSON mention
    background: bool = False  # in a clause about an earlier event ("in retaliation for ...")
    aside: str = ""  # "landmark", "hospital" or "home": named aside from the scene ("outside Atlanta")
    scene: bool = False  # named as where something happened ("shot in Pelzer", "a home near Suwanee")
    entry: Entry | None = field(default=None, compare=False)



def find_dateline(article: Article) -> tuple[str, str | None, int | None, int | None] | None:
    """(city, region, start, end) of the dateline: ``Article.dateline`` when set, else an
    upper-case "CITY, Region -" opening one of the first lines of the text."""
    if article.dateline:
        city, _, region = article.dateline.partition(",")
        return city.strip(), region.strip() or None, None, None
    head = article.text[:700]
    for match in _DATELINE.finditer(head):
        city = match["city"].strip(" .-")
        if len(city.replace(" ", "")) >= 3 and not city.isdigit():
            return city, match["region"], match.start("city"), match.start("city") + len(city)
    for match in _DATELINE_LINE.finditer(head):  # "WARREN" alone on a line above the body
        city = match.group(1).strip()
        if any(m.primary and m.entry.kind == "town" and m.entry.population >= 1000 for m in get_gazetteer().lookup(city)):
            return city, None, match.start(1), match.start(1) + len(city)
    return None


# "at Brook and Winter streets", "the corner of Ridge and Stanton streets": two street names
# sharing one plural street word; neither is a town.
_CROSS_STREETS = re.compile(
    r"\b(?:[A-Z][a-z'’]+\s+){0,2}?[A-Z](?:[a-z'’]+[A-Z])?[a-z'’]+\s+(?:and|&)\s+(?:[A-Z][a-z'’]+\s+){0,2}?"
    r"[A-Z](?:[a-z'’]+[A-Z])?[a-z'’]+\s+"
    r"(?:streets|avenues|roads|drives|boulevards|lanes|Streets|Avenues|Roads|Drives|Boulevards|Lanes)\b")


def find_addresses(text: str) -> list[tuple[str, int, int]]:
    """Street addresses: "1200 block of Main Street", "Northwest 4th Place", "37 Elm St.",
    "Church and Orange streets"."""
    found = [_trim_lead(m.group(), m.start()) for m in _CROSS_STREETS.finditer(text)]
    for match in _ADDRESS.finditer(text):
        street = match["street"]
        if street.split()[0] in ("The", "A", "An", "In", "On", "At"):
            continue
        found.append((match.group().strip(), match.start(), match.end()))
    return found


_FUNCTION_WORDS = frozenset({"The", "A", "An", "In", "On", "At", "Between", "Near", "Of", "Corner"})


def _trim_lead(span: str, start: int) -> tuple[str, int, int]:
    """``span`` without leading capitalised function words ("Between Church and ...")."""
    end = start + len(span)
    while span.split(" ", 1)[0] in _FUNCTION_WORDS:
        head, span = span.split(" ", 1)
        start += len(head) + 1
    return span, start, end


def collect_candidates(item: AnnotatedArticle, addresses: list[tuple[str, int, int]]) -> list[Candidate]:
    # here, not at the top: place_urls reads a URL's slug with headline_candidates of this module
    from .place_urls import url_candidates

    text = item.article.text
    out: list[Candidate] = []
    dateline = find_dateline(item.article)
    if dateline:
        city, region, start, end = dateline
        out.append(with_region(Candidate(city.title() if city.isupper() else city, "dateline", start, end, sentence=0),
                                region))
    sentence_starts = [s.start for s in item.sentences]
    for mention in item.mentions:
        if mention.label not in PLACE_LABELS or _inside(mention, addresses):
            continue
        if dateline and dateline[2] is not None and mention.start < (dateline[3] or 0) + 1 and mention.end > dateline[2]:
            continue
        out.append(_from_mention(mention, text, _sentence_index(sentence_starts, mention.start)))
    out.extend(_police_candidates(text, sentence_starts, out))
    out.extend(_demonym_candidates(text, sentence_starts, out))
    out.extend(title_candidates(item.article.title or ""))
    out.extend(url_candidates(item.article.url))
    persons = _person_names(item.mentions)
    causes = _cause_clauses(text, item.sentences)
    for cand in out:
        cand.background = cand.source == "text" and cand.start is not None and any(
            start <= cand.start < end for start, end in causes)
        cand.person_like = cand.source == "text" and cand.label != "POLICE" and cand.name in persons
        if cand.source == "text" and cand.label != "POLICE" and cand.start is not None and not cand.aside:
            cand.aside = aside(text, cand.start, cand.end or cand.start)
        cand.scene = cand.source == "text" and cand.label != "POLICE" and scene_marked(text, cand.start)
    _regions_follow(out, text)
    return [c for c in out if c.name.lower() not in _NOT_PLACES]


def _cause_clauses(text: str, sentences: list) -> list[tuple[int, int]]:
    """Spans that give the cause of the event, from the cue to the end of its clause: "In
    retaliation for the drone strike in Jordan, U.S. jets struck Mayadin" speaks of Jordan as
    an earlier event's place, of Mayadin as this one's."""
    spans = []
    for sentence in sentences:
        for cue in _BACKGROUND.finditer(text, sentence.start, sentence.end):
            stop = re.compile(r"[,;]").search(text, cue.end(), sentence.end)
            spans.append((cue.start(), stop.start() if stop else sentence.end))
    return spans


# A place named only as a landmark, as the town of the hospital the victims were taken to, or as
# someone's home town is mostly not where it happened: "a quiet street outside Atlanta", "the
# Atlanta suburbs", "flown to a hospital in Macon", "an Anchorage hospital", "Smith, 24, of Dover".
_ASIDES = (
    ("landmark", re.compile(r"\b(?:outside(?:\s+of)?|suburban|(?:north|south|east|west|northeast|northwest|southeast|"
                            r"southwest)(?:ern)?\s+of)\s+(?:the\s+)?$", re.I),
     re.compile(r"^(?:['’]s(?:\s+[a-z]+)?\s+suburbs?\b|(?:\s+|-)(?:suburbs?|native)\b|\s+metro\s+area\b)", re.I)),
    ("hospital", re.compile(r"\b(?:(?:hospital|medical\s+center|health\s+center|healthcare|trauma\s+center|clinic|"
                            r"examiner['’]s\s+office|courthouse|jail|detention\s+center)\s+"
                            r"(?:in|of)|(?:flown|taken|airlifted|transported|rushed|transferred)\s+to)\s+(?:the\s+)?$", re.I),
     re.compile(r"^(?:\s+|-)(?:area\s+)?(?:hospital|medical\s+center|trauma\s+center)\b", re.I)),
    ("part", None,
     re.compile(r"^\s+(?:neighbou?rhood|section)\b", re.I)),
    ("home", re.compile(r"(?:\b(?:man|woman|boy|girl|teen|teenager|resident|residents|native|victim|suspect)\s+"
                        r"(?:of|from)|,\s+(?:of|from))\s+$", re.I), None),
)


def aside(text: str, start: int, end: int) -> str:
    """How the place name at text[start:end] is named aside from the scene ("landmark",
    "hospital", "part" of a city, "home"; see ``_ASIDES``), by the words right before and after
    it; "" if not."""
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    for kind, pre, post in _ASIDES:
        if (pre is not None and pre.search(before)) or (post is not None and post.match(after)):
            return kind
    return ""


# The words that set a scene in the town named next: "shot in Pelzer", "a home near Suwanee",
# "outside of Latta", "in the town of Elmo", "the 300 block of Elm Street in Ringgold", "a home on
# Law Street, Jefferson".
_SCENE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Nn]ear|[Oo]utside(?:\s+of)?|in\s+the\s+(?:town|city|village|community|hamlet|borough|township)\s+of)"
    rf"|\b(?:{_STREET}),)\s+"
    r"(?:(?:rural|downtown|(?:north|south|east|west|northwest|northeast|southwest|southeast)(?:ern)?)\s+)?$")


def scene_marked(text: str, start: int | None) -> bool:
    """Whether the words right before text[start:] set a scene in the place named there."""
    return start is not None and bool(_SCENE_BEFORE.search(text[max(0, start - 40):start]))


def _regions_follow(cands: list[Candidate], text: str) -> None:
    """The state or country mention right after a town ("a hospital in Valley, Ala.") is
    named aside as its town is."""
    ends = {c.end: c for c in cands if c.source == "text" and c.end is not None and (c.state or c.country)}
    for cand in cands:
        if cand.source != "text" or cand.start is None:
            continue
        town = next((ends[e] for e in range(cand.start - 3, cand.start) if e in ends), None)
        if town is not None and text[town.end:cand.start].strip() == ",":
            cand.aside = town.aside


def _person_names(mentions: list[Mention]) -> set[str]:
    """Names that read as people here: first names of multi-word PERSON mentions ("Jada" of
    "Jada Page"), and single words tagged PERSON more often than as a place."""
    counts: dict[str, int] = {}
    names = set()
    for m in mentions:
        if m.label == "PERSON":
            words = m.text.split()
            if len(words) > 1:
                names.add(words[0])
            counts[m.text] = counts.get(m.text, 0) + 1
        elif m.label in PLACE_LABELS:
            counts[m.text] = counts.get(m.text, 0) - 1
    return names | {name for name, n in counts.items() if n > 0}


def _police_candidates(text: str, sentence_starts: list[int], found: list[Candidate]) -> list[Candidate]:
    """Towns named only through their police ("Dayton police said"): weak text candidates."""
    known = {c.start for c in found}
    out = []
    for match in _POLICE.finditer(text):
        words = match.group(1).split()
        skip = 0  # characters of group 1 before the name
        ends = [i for i, w in enumerate(words) if w.endswith(".") and w not in ("St.", "Ft.", "Mt.")]
        if ends and ends[-1] < len(words) - 1:
            skip = match.group(1).index(words[ends[-1]]) + len(words[ends[-1]])
            words = words[ends[-1] + 1:]  # "... late Friday. Memphis police said": Memphis
        while words and words[0] in ("The", "A", "An", "Metro", "Metropolitan"):
            words = words[1:]
        while words and words[-1] in ("Metro", "Metropolitan", "City", "Department", "Dept.", "State", "Area"):
            if words[-1] == "City" and get_gazetteer().lookup(" ".join(words)):
                break  # "Kansas City police": the city, not the state
            words = words[:-1]
        if len(words) == 1 and "-" in words[0] and not get_gazetteer().lookup(words[0]):
            words = [words[0].split("-")[0]]  # "Savannah-Chatham Metro Police": Savannah
        if not words or match.start(1) in known or any(
                w.endswith(".") and w not in ("St.", "Ft.", "Mt.") for w in words):
            continue
        while len(words) > 1 and not get_gazetteer().lookup(" ".join(words)):
            words = words[:-1]  # "Savannah Chatham Metropolitan Police": Savannah
        name = " ".join(words)
        start = match.start(1) + match.group(1).index(words[0], skip)
        out.append(Candidate(name, "text", start, start + len(name), sentence=_sentence_index(sentence_starts, start),
                             label="POLICE"))
    return out


# "A Kuna man", "a 6-year-old Flora Vista girl": a home town the tagger often leaves untagged.
_DEMONYM = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:\d{1,3}-year-old\s+)?((?:[A-Z][a-z'’]+\s){1,3})"
    r"(?:man|woman|boy|girl|teen|teenager|toddler|child|infant|baby|family|couple|resident|student|mother|father|"
    r"grandmother|grandfather|(?:\w+-)?grader|youth|homeowner|hunter)\b")


def _demonym_candidates(text: str, sentence_starts: list[int], found: list[Candidate]) -> list[Candidate]:
    """Home towns named as a person's modifier ("A Kuna man was hurt"): weak, as a home town."""
    known = {c.start for c in found}
    out = []
    for match in _DEMONYM.finditer(text):
        name, start = match.group(1).strip(), match.start(1)
        if start in known or (" " not in name and common_word(name)) or state_code(name):
            continue
        out.append(Candidate(name, "text", start, start + len(name), sentence=_sentence_index(sentence_starts, start),
                             aside="home"))
    return out


# "Trumbull County Common Pleas Court", "Cache County Sheriff's Office": the county is the place.
_COUNTY_HEAD = re.compile(r"^((?:[A-Z][\w.'’-]+\s){1,3}(?:County|Parish))\s+[A-Z]")


def _from_mention(mention: Mention, text: str, sentence: int) -> Candidate:
    name, region = mention.text, None
    county = _COUNTY_HEAD.match(name)
    if county:
        name = county.group(1)
    rest = mention.end
    if ", " in name:  # spaCy sometimes keeps "Gainesville, Fla." as one entity
        name, region = (part.strip() for part in name.split(", ", 1))
    else:
        after = _REGION_AFTER.match(text[mention.end: mention.end + 30])
        region = after["region"] if after else None
        rest += after.end() if after else 0
    if region and listed(name, region, text[rest:rest + 60]):
        region = None
    if text[mention.end: mention.end + 1] == "." and len(name) <= 5 and state_code(name + "."):
        name = name + "."  # "Vt" + "." as the NER cut it
    cand = Candidate(name, "text", mention.start, mention.start + len(name), sentence=sentence, label=mention.label)
    return with_region(cand, region)


# After "A, B" the list goes on: "... and Chicago", "..., Chicago and Boston", "..., Chicago, Boston";
# not "Shelby County, Tennessee, Sheriff's Office".
_LIST_ITEM = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_LIST_GOES_ON = re.compile(rf"^(?:,?\s+(?:and|or)\s+[A-Z]|,\s*{_LIST_ITEM}(?:,?\s+(?:and|or)\s+|,\s*)[A-Z])")


def listed(name: str, region: str, after: str) -> bool:
    """Whether "name, region" are two items of a list of places rather than a town and its
    state or country: the list goes on after them (``after``: the text that follows), the
    region is written out (an abbreviation, "Fla.", only ever follows a town), and the
    gazetteer has no place of that very name there: "Lawmakers in Washington, New York and
    Chicago" is not Watervliet, New York, that had Washington as a former name, nor "Texas,
    Ohio and Florida" a Texas in Ohio; "Dayton, Ohio, and Chicago" stays Dayton, Ohio."""
    if not _LIST_GOES_ON.match(after) or "." in region or region.isupper():
        return False
    code = state_code(region)
    country = None if code else next(
        (m.entry.country for m in get_gazetteer().lookup(region) if m.entry.kind == "country"), None)
    if code is None and country is None:
        return False  # not a region: nothing would be read into it
    return not any(_lies_in(m.entry, code, country) for m in get_gazetteer().lookup(name)
                   if m.primary and m.entry.kind in ("site", "town", "district"))


def _lies_in(entry: Entry, state: str | None, country: str | None) -> bool:
    return entry.country == "US" and entry.admin1 == state if state else entry.country == country


def with_region(cand: Candidate, region: str | None) -> Candidate:
    if not region:
        return cand
    if ". " in region and not state_code(region):
        region = region.split(". ")[0]  # "Vanduser, Missouri. Scott County ...": the sentence ended
    code = state_code(region)
    if code:
        cand.state = code
        return cand
    for match in get_gazetteer().lookup(region):
        if match.entry.kind == "country":
            cand.country = match.entry.country
            break
    return cand


_TITLE_REGION = re.compile(r"\b((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+),\s+([A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)\b")


# A headline opening with a place as the subject's modifier: "Beloit teen charged in ...".
_TITLE_NOISE = frozenset({"The", "A", "An", "Man", "Woman", "Police", "Cops", "Teen", "Boy", "Girl", "Update",
                          "UPDATE", "Updated", "Breaking", "After", "Year", "Old"})
_TITLE_SUBJECT = re.compile(
    r"\b((?:[A-Z][\w.'’-]+)(?:\s[A-Z][\w.'’-]+){0,2})\s+(?i:man|woman|teen|teens|boy|girl|child|toddler|officer|"
    r"police|cop|deputy|family|mother|father|mom|dad|resident|student|students|shootings?|homicides?|murder|couple|"
    r"home|house|apartment|neighborhood|community|school|area)\b")
_TITLE_SPLIT = re.compile(r"\s+[-|–—]\s+|\s+::\s+")


def title_candidates(title: str) -> list[Candidate]:
    """Places of the headline; the segments after " - " or " | " name the outlet ("WMC Action
    News 5 - Memphis, Tennessee"): they only say which state the outlet serves."""
    head, *rest = _TITLE_SPLIT.split(title) if title else [""]
    out = headline_candidates(head)
    for segment in rest:
        for cand in headline_candidates(segment, locative=False):
            cand.source, cand.label = "outlet", "STATE"
            out.append(cand)
    return out


_COMPASS = frozenset({"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"})


def headline_candidates(title: str, locative: bool = True) -> list[Candidate]:
    out = []
    for match in _TITLE_REGION.finditer(title):
        region = match.group(2) if state_code(match.group(2)) else match.group(2).split()[0]
        if state_code(region):  # "Columbus, GA News Weather": GA
            words = match.group(1).split()
            while len(words) > 1 and not get_gazetteer().lookup(" ".join(words)):
                words = words[1:]  # "19 News Cleveland, OH": Cleveland
            listing = listed(" ".join(words), region, title[match.start(2) + len(region):])
            out.append(with_region(Candidate(" ".join(words), "title", label="GPE"), None if listing else region))
    for word in re.findall(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b", title):
        if not state_code(word) and " " in word:
            first, second = word.split()
            # "Louisiana News": Louisiana; "South Georgia News" (matched as "South Georgia"): Georgia
            if second == "City":
                continue  # "Kansas City", "Iowa City": towns, not states
            word = second if first in _COMPASS and state_code(second) else first
        if len(word) > 3 and state_code(word) and not _TITLE_REGION.search(title):
            out.append(Candidate(word, "title", label="STATE"))
    for head in _TITLE_SUBJECT.finditer(title) if locative else ():
        words = [w for w in head.group(1).split() if w not in _TITLE_NOISE]
        while len(words) > 1 and not get_gazetteer().lookup(" ".join(words)):
            words = words[1:]  # "Five Shot Memphis Man": Memphis
        if words:
            name = " ".join(words)
            end = head.start(1) + head.group(1).rindex(words[-1]) + len(words[-1])
            out.append(Candidate(name, "title", label="GPE", aside=aside(title, end - len(name), end)))
    for match in _TITLE_PLACE.finditer(title) if locative else ():
        words = match.group(1).split()
        region = None
        if len(words) > 1 and words[-2].endswith(","):
            region = words[-1]
            words = words[:-1]
        while len(words) > 1 and not region and not get_gazetteer().lookup(" ".join(words).rstrip(",.:;")):
            words = words[:-1]  # "In New Haven Early Sunday": New Haven
        name = " ".join(words).rstrip(",.:;")
        cand = with_region(Candidate(name, "title", label="GPE"), region)
        cand.aside = aside(title, match.start(1), match.start(1) + len(name))
        out.append(cand)
    return _once(out)


def _once(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per name: a headline names its place once, whichever patterns found it
    ("in Dillon County shooting" is both a locative and a subject); the one with a region wins."""
    best: dict[str, Candidate] = {}
    for cand in cands:
        if cand.name not in best or (cand.state or cand.country) and not (best[cand.name].state or best[cand.name].country):
            best[cand.name] = cand
    return [c for c in cands if best[c.name] is c]


def _inside(mention: Mention, addresses: list[tuple[str, int, int]]) -> bool:
    return any(s <= mention.start and mention.end <= e for _, s, e in addresses)


def _sentence_index(starts: list[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start > offset:
            break
        index = i
    return index


# US states named anywhere in the text.
@functools.lru_cache(maxsize=1)
def _state_pattern() -> re.Pattern:
    """US state names in title or upper case, longest first ("West Virginia" before
    "Virginia"); not "Kansas City" or "Maryland Parkway", and "Washington" only as "Washington state"
    (else the capital, a street or a person)."""
    names = sorted((s.name for s in pycountry.subdivisions.get(country_code="US")
                    if s.name != "Washington" and s.type == "State"), key=len, reverse=True)
    names = [n for name in names for n in (name, name.upper())] + ["Washington state", "Washington State"]
    streets = r"City|Avenue|Ave|Street|St|Parkway|Pkwy|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Way|Highway|Hwy|Trail"
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + rf")(?![\w-])(?!\s+(?:{streets})\b)")


def states_in_text(text: str) -> set[str]:
    """States the text names anywhere, even where the NER saw none (within an organisation's name)."""
    names = (name.removesuffix(" state").removesuffix(" State") for name in _state_pattern().findall(text))
    return {code for code in map(state_code, names) if code}



COMMON_WORD = 4.4  # Zipf frequency of an English word too common to be a place name in a headline


@functools.lru_cache(maxsize=4096)
def common_word(word: str) -> bool:
    """An English word too common to be a place name on its own ("Four", "Arrest")."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= COMMON_WORD


# "shot in Pelzer", "near the village of Kokhanok": the scene, named as such.
_HAMLET_BEFORE = re.compile(r"\b(?:in|near)\s+(?:rural\s+|the\s+(?:town|village|community|hamlet)\s+of\s+)?$")


def hamlet_name(cand: Candidate, text: str) -> bool:
    """Whether ``cand`` reads as a hamlet the gazetteer lacks (most places of fewer than 500
    people are not indexed): a title-case name of the lead, right after "in" or "near", that
    the gazetteer does not know at all and that is not an English word."""
    if (cand.source != "text" or cand.label not in ("GPE", "LOC") or cand.sentence > 3 or cand.person_like
            or cand.aside or cand.background or cand.start is None):
        return False
    words = cand.name.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if len(cand.name) < 4 or state_code(cand.name) or common_word(cand.name) or get_gazetteer().lookup(cand.name):
        return False
    return bool(_HAMLET_BEFORE.search(text[max(0, cand.start - 40):cand.start]))
