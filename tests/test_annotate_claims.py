"""Claim attribution, scopes, statement claims and related events (newsfuse.annotate.claims)."""

from __future__ import annotations

import pytest

from newsfuse.annotate.claims import attribute_claims, claims_component, find_claimant, normalise_scope
from newsfuse.model import AnnotatedArticle, Article, Claim, EventDate, Mention, Place, Quote


def annotated(text: str, phrases: list[str], outlet: str | None = "Valley Post", **kw) -> AnnotatedArticle:
    claims = []
    for phrase in phrases:
        start = text.index(phrase)
        claims.append(Claim(slot="killed", value=3, start=start, end=start + len(phrase)))
    return AnnotatedArticle(article=Article(id="x1", sha256="x1", text=text, outlet=outlet), claims=claims, **kw)


def claimant_of(text: str, phrase: str, **kw) -> tuple[str, bool]:
    item = attribute_claims(annotated(text, [phrase], **kw))
    claim = next(c for c in item.claims if c.slot == "killed")
    return claim.claimant, claim.claimant_explicit


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three workers died in the blast, according to the Mining Safety Board (MSB).", "Mining Safety Board"),
        ("Three workers died in the blast, the fire brigade said on Sunday.", "fire brigade"),
        ("The provincial health office said three workers died in the blast.", "provincial health office"),
        ("Three workers died, said Lena Ortiz, a spokeswoman for the mine.", "Lena Ortiz"),
        ("Three workers died in the blast, a rescue official and the Red Crescent reported.",
         "a rescue official and the Red Crescent"),
        ("State broadcasters loyal to the junta announced late Monday that three workers died.",
         "State broadcasters loyal to the junta"),
        ("The Miners Union (MU), a national federation, said that three workers died.", "Miners Union"),
        ("Three workers died, according to a statement issued by the Interior Ministry.", "Interior Ministry"),
        ("Three workers died in the blast on the night shift.", None),
    ],
)
def test_find_claimant_patterns(sentence: str, expected: str | None) -> None:
    assert find_claimant(sentence) == expected


def test_claimant_in_the_same_sentence_is_explicit() -> None:
    text = "A gas explosion hit the mine on Friday. Three workers died, the mine operator said."
    assert claimant_of(text, "Three workers") == ("mine operator", True)


def test_quotation_over_two_sentences_takes_the_speaker_after_it() -> None:
    text = ("Rescuers worked through the night. “Our teams recovered three bodies from the shaft. "
            "Two more men are missing,” the civil defence said.")
    assert claimant_of(text, "three bodies") == ("civil defence", True)


def test_the_statement_refers_back_to_its_owner() -> None:
    text = ("The Ministry of Labour said in a statement that an inquiry was opened. "
            "Three workers died and six were hurt, the statement said.")
    assert claimant_of(text, "Three workers") == ("Ministry of Labour", True)


def test_pronoun_takes_the_last_named_claimant() -> None:
    text = "Colonel Amir Haddad described the rescue to reporters. He said three workers died underground."
    person = Mention(text="Amir Haddad", start=8, end=19, label="PERSON")
    assert claimant_of(text, "three workers", mentions=[person]) == ("Amir Haddad", True)


def test_pronoun_takes_the_speaker_of_an_earlier_statement() -> None:
    text = "The commander, Amir Haddad, told reporters the shaft was sealed. He added that three workers died."
    assert claimant_of(text, "three workers") == ("Amir Haddad", True)


def test_bare_surname_becomes_the_full_name() -> None:
    text = "Inspector Jana Novak led the team. Three workers died, Novak said."
    assert claimant_of(text, "Three workers")[0].endswith("Jana Novak")


def test_quote_speaker_from_the_quotes_component_wins() -> None:
    text = "“We lost three of our colleagues,” a foreman told us."
    start = text.index("We lost")
    quote = Quote(text="We lost three of our colleagues", start=start, end=start + 31, speaker="Piotr Zielinski")
    assert claimant_of(text, "three of our", quotes=[quote]) == ("Piotr Zielinski", True)


@pytest.mark.parametrize(("outlet", "expected"), [("Valley Post", "Valley Post"), (None, "the article")])
def test_unattributed_claim_falls_back_to_the_outlet(outlet: str | None, expected: str) -> None:
    text = "Three workers died in the blast on the night shift."
    assert claimant_of(text, "Three workers", outlet=outlet) == (expected, False)


@pytest.mark.parametrize(
    ("scope", "places", "expected"),
    [
        ("northern Kasmar", [Place(name="Kasmar", country="XK")], "Kasmar"),
        ("the Kasmar", [Place(name="Kasmar", country="XK")], "Kasmar"),
        ("France's", [], "France"),
        ("  Miners ", [], "miners"),
        (None, [], None),
    ],
)
def test_normalise_scope(scope: str | None, places: list[Place], expected: str | None) -> None:
    item = AnnotatedArticle(article=Article(id="x", sha256="x", text=""), places=places)
    assert normalise_scope(scope, item) == expected


def statements(text: str, slot: str, **kw) -> list[Claim]:
    item = attribute_claims(AnnotatedArticle(article=Article(id="x", sha256="x", text=text, outlet="Valley Post"), **kw))
    return [c for c in item.claims if c.slot == slot]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "claimant"),
    [
        ("The Black Lantern group claimed responsibility for the ambush.", "Black Lantern", "exact", "Black Lantern"),
        ("The mayor blamed Westmark for the ambush.", "Westmark", "exact", "mayor"),
        ("Westmark, which has denied any involvement, called for calm.", "Westmark", "denied", "Westmark"),
        ("The ambush was claimed by the Black Lantern movement.", "Black Lantern", "exact", "Black Lantern"),
        ("Critics point at Westmark, a state that has distanced itself from the ambush.", "Westmark", "denied", "Westmark"),
    ],
)
def test_responsibility_claims(text: str, value: str, qualifier: str, claimant: str) -> None:
    found = statements(text, "responsibility")
    assert [(c.value, c.qualifier, c.claimant) for c in found] == [(value, qualifier, claimant)]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("The shelling killed four civilians and two soldiers, the ministry said.", "civilians, soldiers", "exact"),
        ("Twelve gunmen were killed in the raid, the army said.", "militiamen", "exact"),
        ("The army said targets were chosen to avoid civilian casualties.", "civilians", "denied"),
    ],
)
def test_victim_claims(text: str, value: str, qualifier: str) -> None:
    found = statements(text, "victims")
    assert [(c.value, c.qualifier) for c in found] == [(value, qualifier)]
    assert found[0].claimant_explicit


def test_related_event_and_claims_about_it() -> None:
    text = ("Jets struck a depot near Brana on Thursday. The raid came in retaliation for an ambush on a convoy "
            "near Tarsk last Monday. The ambush near Tarsk killed five soldiers, officials said. "
            "The raid killed three guards at the depot, the governor said.")
    tarsk = text.index("Tarsk")
    item = AnnotatedArticle(
        article=Article(id="x", sha256="x", text=text, outlet="Valley Post"),
        places=[Place(name="Brana", country="XB", start=text.index("Brana"), end=text.index("Brana") + 5),
                Place(name="Tarsk", country="XB", start=tarsk, end=tarsk + 5)],
        dates=[EventDate(date="2025-03-06", precision="day", text="Thursday", start=text.index("Thursday")),
               EventDate(date="2025-03-03", precision="day", text="last Monday", start=text.index("last Monday"))],
        event_date=EventDate(date="2025-03-06", precision="day"),
        claims=[Claim(slot="killed", value=5, start=text.index("killed five"), end=text.index("killed five") + 11),
                Claim(slot="killed", value=3, start=text.index("killed three"), end=text.index("killed three") + 12)],
    )
    out = claims_component(item, None)
    assert len(out.related) == 1
    related = out.related[0]
    assert (related["relation"], related["date"], related["place"]) == ("retaliation_for", "2025-03-03", "Tarsk")
    by_value = {c.value: c for c in out.claims if c.slot == "killed"}
    assert by_value[5].event_ref == related["key"]
    assert by_value[3].event_ref is None
    assert by_value[3].claimant == "governor"


def test_component_is_idempotent() -> None:
    text = "The Black Lantern group claimed responsibility. Three workers died, the mine operator said."
    once = claims_component(annotated(text, ["Three workers"]), None)
    twice = claims_component(once, None)
    assert once.claims == twice.claims and once.related == twice.related


def _places_item(text: str) -> AnnotatedArticle:
    places = []
    for name, country, precision in [("Brana", "XB", "town"), ("Koral", "XB", "town"), ("Xandria", "XA", "country"),
                                     ("Valdor", "XV", "country"), ("Beltra", "XB", "country")]:
        at = text.find(name)
        places.append(Place(name=name, country=country, precision=precision,
                            start=at if at >= 0 else None, end=at + len(name) if at >= 0 else None))
    return AnnotatedArticle(article=Article(id="x", sha256="x", text=text), places=places)


@pytest.mark.parametrize(
    ("sentence", "claimant", "expected"),
    [
        ("Four people were killed in Brana on Monday.", None, "Brana"),
        ("Four people were killed in Brana and Koral.", None, "Beltra"),  # several towns of one country
        ("Four people were killed in Brana and in Xandria.", None, None),  # two countries
        ("Four people were killed in Brana, Beltra.", None, "Brana"),  # a town and its country
        ("Valdor said four people were killed.", "Valdor", "Valdor"),  # a country reporting its own toll
        ("Valdor-backed gunmen killed four people.", None, None),  # adjectival, not a location
        ("Four people were killed, the Valdor army said.", "Valdor army", None),
    ],
)
def test_infer_scope_reads_locative_places(sentence: str, claimant: str | None, expected: str | None) -> None:
    from newsfuse.annotate.claims import infer_scope

    item = _places_item(sentence)
    assert infer_scope(item, sentence, claimant) == expected


def test_running_tally_is_context_not_this_event() -> None:
    text = "Gunmen have carried out 40 attacks since March, officials said. Two guards were killed on Friday, police said."
    item = attribute_claims(annotated(text, ["40 attacks", "Two guards"]))
    refs = [c.event_ref for c in item.claims if c.slot == "killed"]
    assert refs[0] is not None and refs[0].startswith("context:")
    assert refs[1] is None


def test_related_event_without_place_takes_it_from_a_later_sentence() -> None:
    text = ("Police raided a camp on Friday in reprisal for last week's bombing. "
            "Last week's bombing in Koral killed six people, officials said.")
    item = _places_item(text)
    start = text.index("killed six")
    item.claims = [Claim(slot="killed", value=6, start=start, end=start + 10)]
    out = attribute_claims(item)
    assert len(out.related) == 1 and out.related[0]["place"] == "Koral"
    assert out.claims[0].event_ref == out.related[0]["key"]


def test_victim_words_far_from_the_killing_are_not_victims() -> None:
    text = "A raid by heavily armed militants on a remote border post at dawn on Sunday killed three soldiers, the army said."
    assert [c.value for c in statements(text, "victims")] == ["soldiers"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Detectives say the boy was taken to a hospital where he died.", "Detectives"),
        ("A man was killed on Sunday after police say a neighbour opened fire.", "police"),
        ("Two men were shot, Deputy Chief Ana Ruiz said at a news conference Tuesday morning.", "Ana Ruiz"),
        ("That, he said, left two people dead.", "he"),
    ],
)
def test_find_claimant_local_news_patterns(sentence: str, expected: str) -> None:
    assert find_claimant(sentence) == expected


def _locative_rule(form: str, sentence: str) -> bool:
    """The locative rule as one regex per place form: what scopes._Locatives must agree with."""
    import re

    from newsfuse.annotate.scopes import _LOCATIVE_PHRASE

    return bool(re.search(rf"{_LOCATIVE_PHRASE}{re.escape(form)}(?![\w-])", sentence, re.I))


@pytest.mark.parametrize(
    ("form", "sentence"),
    [
        ("Brana", "Four people were killed in Brana on Monday."),
        ("Brana", "Four people were killed in BRANA."),
        ("Brana", "Four people were killed in Branaville."),  # a longer word
        ("Brana", "Four people were killed in Brana-backed raids."),
        ("Koral", "Shots were fired near the northern outskirts, Brana and Koral."),
        ("Koral", "Shots were fired in Brana, Veld, Ost, Lind and Koral."),  # too long a list
        ("Brana", "The Brana attack killed four."),  # no locative word
        ("Brana", "Within Brana four died."),  # "in" inside a word
        ("Kiel", "Four were hurt in \u212aiel."),  # Kelvin sign: re.I matches it to "k"
        ("Sisak", "Four were hurt in \u017fisak."),  # long s
        ("Brana", "Four were hurt in Brana\u00e9."),  # a non-ASCII letter continues the word
        ("Brana", "Four were hurt in \u201cBrana\u201d."),
        ("Zürich", "Four were hurt in ZÜRICH."),  # a non-ASCII form takes the regex itself
        ("St. Paul", "Four were hurt at St. Paul's church."),
    ],
)
def test_locative_test_agrees_with_the_rule(form: str, sentence: str) -> None:
    from newsfuse.annotate.scopes import _Locatives

    assert _Locatives(sentence).names(form) == _locative_rule(form, sentence)
