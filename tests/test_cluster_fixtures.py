"""Small hand-written articles for the cluster tests (invented events, our own words).

Two shootings in one city in the same week with different victims and streets (look-alike
events), reported by several outlets in different words; an earthquake abroad; a
crawl failure with almost no text.
"""

from __future__ import annotations

import hashlib

from newsfuse.model import AnnotatedArticle, Article, Claim, EventDate, Mention, Place


def make(
    ident: str,
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    event_date: str | None = None,
    town: str | None = None,
    admin1: str | None = None,
    persons: tuple[str, ...] = (),
    killed: int | None = None,
    injured: int | None = None,
    event_type: str | None = None,
) -> AnnotatedArticle:
    """An AnnotatedArticle as the annotate stage would give it."""
    sha = hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()
    item = AnnotatedArticle(article=Article(id=ident, sha256=sha, text=text, title=title, published=published))
    item.mentions = [Mention(p, text.find(p), text.find(p) + len(p), "PERSON") for p in persons]
    if event_date:
        item.event_date = EventDate(event_date, "day")
    if town:
        item.place = Place(town, country="US", admin1=admin1, precision="town")
    for slot, value in (("killed", killed), ("injured", injured)):
        if value is not None:
            item.claims.append(Claim(slot, value, low=value, high=value, article=ident))
    item.event_type = event_type
    return item


ALDER_1 = make(
    "alder-1",
    "Police in Brookfield say Dominic Vasquez, 27, was shot dead late Friday in the 400 block of "
    "Alder Lane. Officers found Vasquez lying near a parked pickup and a second man, 19, with a leg "
    "wound. Detectives have not named a suspect and asked neighbours for doorbell footage.",
    title="Man killed, teen wounded in Alder Lane shooting",
    published="2019-03-09", event_date="2019-03-08", town="Brookfield", admin1="Ohio",
    persons=("Dominic Vasquez",), killed=1, injured=1, event_type="shooting",
)  # fmt: skip
ALDER_2 = make(
    "alder-2",
    "A 27-year-old Brookfield man died after gunfire on Alder Lane on Friday night, and a 19-year-old "
    "was taken to hospital with a gunshot wound to the leg. Relatives identified the dead man as "
    "Dominic Vasquez, a father of two who worked at a tyre shop. Police are studying doorbell video.",
    title="Family mourns Dominic Vasquez after Alder Lane gunfire",
    published="2019-03-10", event_date="2019-03-08", town="Brookfield", admin1="Ohio",
    persons=("Dominic Vasquez",), killed=1, injured=1, event_type="shooting",
)  # fmt: skip
ALDER_3 = make(
    "alder-3",
    "Brookfield detectives arrested a 22-year-old on Tuesday in the killing of Dominic Vasquez on "
    "Alder Lane. Vasquez, 27, was shot outside his home in the 400 block; a 19-year-old wounded in "
    "the same shooting is recovering. Doorbell footage led officers to the suspect, police said.",
    title="Arrest made in Alder Lane killing of Dominic Vasquez",
    published="2019-03-13", event_date="2019-03-08", town="Brookfield", admin1="Ohio",
    persons=("Dominic Vasquez",), killed=1, injured=1, event_type="shooting",
)  # fmt: skip
MILL_1 = make(
    "mill-1",
    "Police in Brookfield say Shanice Oduya, 34, was shot and wounded on Sunday afternoon outside a "
    "laundromat on Millbrook Road. She was driven to hospital in stable condition. Officers have not "
    "named a suspect and asked anyone with camera footage to call detectives.",
    title="Woman wounded in Millbrook Road shooting",
    published="2019-03-11", event_date="2019-03-10", town="Brookfield", admin1="Ohio",
    persons=("Shanice Oduya",), killed=0, injured=1, event_type="shooting",
)  # fmt: skip
MILL_2 = make(
    "mill-2",
    "Shanice Oduya was hit by a bullet while leaving a Millbrook Road laundromat on Sunday, Brookfield "
    "police said. The 34-year-old is expected to survive. Witnesses described a grey sedan driving "
    "away fast after several shots were fired.",
    title="Shots outside Millbrook Road laundromat wound woman, 34",
    published="2019-03-12", event_date="2019-03-10", town="Brookfield", admin1="Ohio",
    persons=("Shanice Oduya",), injured=1, event_type="shooting",
)  # fmt: skip
QUAKE_1 = make(
    "quake-1",
    "A magnitude 6.1 earthquake struck the mountains of the Varnak region early on Wednesday, "
    "collapsing adobe homes in three villages. Rescue teams pulled survivors from the rubble of "
    "Teshlin, where officials counted 12 dead and dozens hurt.",
    title="Quake kills 12 in Varnak villages",
    published="2019-03-07", event_date="2019-03-06", event_type="earthquake", killed=12,
)  # fmt: skip
QUAKE_2 = make(
    "quake-2",
    "Rescuers searched the rubble of Teshlin on Thursday after a strong earthquake flattened homes "
    "across the Varnak mountains. The death toll rose to 14, the regional governor said, and dozens "
    "of villagers remain in field hospitals.",
    title="Varnak earthquake death toll rises to 14",
    published="2019-03-08", event_date="2019-03-06", event_type="earthquake", killed=14,
)  # fmt: skip
STUB = make("stub", "Click here to continue.", published="2019-03-09")

ALL = [ALDER_1, ALDER_2, ALDER_3, MILL_1, MILL_2, QUAKE_1, QUAKE_2, STUB]
GOLD = {
    "alder-1": "alder", "alder-2": "alder", "alder-3": "alder",
    "mill-1": "mill", "mill-2": "mill",
    "quake-1": "quake", "quake-2": "quake",
    "stub": "stub",
}  # fmt: skip


def test_make_fixture_has_the_annotations_asked_for() -> None:
    assert ALDER_1.place is not None and ALDER_1.place.name == "Brookfield"
    assert [m.text for m in ALDER_1.mentions] == ["Dominic Vasquez"]
    assert ALDER_1.article.text[ALDER_1.mentions[0].start : ALDER_1.mentions[0].end] == "Dominic Vasquez"
    assert {c.slot for c in MILL_2.claims} == {"injured"}


def test_fixture_ids_and_hashes_are_unique() -> None:
    assert len({a.article.id for a in ALL}) == len({a.article.sha256 for a in ALL}) == len(ALL)
