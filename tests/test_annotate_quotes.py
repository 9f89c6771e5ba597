"""Quotations and speakers on sentences and mini-articles written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.annotate.quotes import find_quote_spans, find_quotes


@pytest.fixture(scope="module")
def nlp():
    from newsfuse.annotate.nlp import load_pipeline
    from newsfuse.config import Settings

    return load_pipeline(Settings().spacy_model)


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def run(text: str):
        doc = nlp(text)
        return find_quotes(text, [_ent(e) for e in doc.ents], "t")

    return run


class _E:
    def __init__(self, start, end, label, text):
        self.start, self.end, self.label, self.text = start, end, label, text


def _ent(e):
    return _E(e.start_char, e.end_char, e.label_, e.text)


def _one(quotes, starts: str):
    found = [q for q in quotes if q.text.startswith(starts)]
    assert found, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize(
    "text, starts, speaker",
    [
        ("\u201cWe will rebuild the bridge by spring,\u201d Mayor Ana Torres said.", "We will rebuild", "Ana Torres"),
        ('"The vote is final and binding," said Peter Walsh, chairman of the election board.', "The vote", "Peter Walsh"),
        ("\u201cWe have no plans to resign from the cabinet,\u201d Clara Obi told Reuters on Monday.", "We have no plans",
         "Clara Obi"),
        ("\u201cNobody is above the law in this country,\u201d Judge Martin Keller stressed.", "Nobody is", "Martin Keller"),
        ("The budget was cut, according to Mark Daley, the city treasurer. \u201cWe simply ran out of money,\u201d "
         "Daley said.", "We simply", "Daley"),
        ("Finance Minister Clara Obi called the plan \u201ca reckless gamble for the country\u201d on Tuesday.",
         "a reckless gamble", "Clara Obi"),
        ("\u201cThe port remains open to all shipping,\u201d Peter Walsh said in a statement.", "The port", "Peter Walsh"),
        ("\u201cThree depots were destroyed overnight,\u201d NATO said.", "Three depots", "NATO"),
        ("The convoy was hit near the border, the Jordanian foreign ministry said in a statement. \u201cThe attack "
         "is a grave escalation,\u201d the Jordanian foreign ministry said in a statement.", "The attack",
         "the Jordanian foreign ministry"),
        ("Vehicles and \u201cseveral fuel depots near the airport\u201d were hit, CENTCOM said.", "several fuel",
         "CENTCOM"),
        ("\u201cThe water supply is safe to drink again,\u201d according to Helen Brandt, a health official.",
         "The water supply", "Helen Brandt"),
    ],
)
def test_quotes_speaker_patterns(quotes_of, text, starts, speaker):
    assert _one(quotes_of(text), starts).speaker == speaker


@pytest.mark.parametrize("pronoun", ["he added", "he said", "the spokesman continued"])
def test_quotes_pronouns_go_back_to_the_last_named_speaker(quotes_of, pronoun):
    text = ("Army spokesman Daniel Moore said the search would go on through the night.\n"
            "\u201cWe are checking every building in the district,\u201d Moore said.\n"
            f"\u201cNo one will be left behind in the rubble,\u201d {pronoun}.")
    assert _one(quotes_of(text), "No one will").speaker in ("Moore", "Daniel Moore")


def test_quotes_role_noun_finds_the_person_with_that_role(quotes_of):
    text = ("Prime Minister Laura Stein said the talks would resume. Foreign Minister Omar Haddad said he was "
            "hopeful.\n\u201cWe will not give up on peace,\u201d the prime minister said.")
    assert _one(quotes_of(text), "We will not").speaker == "Laura Stein"


def test_quotes_statement_goes_back_to_its_source(quotes_of):
    text = ("The Interior Ministry confirmed in a statement that two suspects were arrested.\n"
            "\u201cBoth men were detained at the airport without incident,\u201d the statement said.")
    assert _one(quotes_of(text), "Both men").speaker == "The Interior Ministry"


def test_quotes_quote_only_paragraph_takes_the_speaker_of_the_sentence_before(quotes_of):
    text = ("Police chief Daniel Moore said on Monday that the search would continue.\n"
            "\u201cWe will find whoever did this, however long it takes.\u201d")
    assert _one(quotes_of(text), "We will find").speaker == "Daniel Moore"


def test_quotes_second_quote_of_a_paragraph_keeps_the_speaker(quotes_of):
    text = ("\u201cWe are suspending all operations for now,\u201d the Harbour Workers Union said in a statement. "
            "\u201cOur members deserve safe working conditions.\u201d")
    quotes = quotes_of(text)
    assert _one(quotes, "Our members").speaker == _one(quotes, "We are suspending").speaker == "the Harbour Workers Union"


def test_quotes_run_over_several_paragraphs(quotes_of):
    text = ("Senator Ruth Alvarez spoke for an hour.\n"
            "\u201cThis law protects families who have nothing else.\n"
            "\u201cIt will pass, whatever the lobbyists say,\u201d Alvarez said.")
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("This law protects") and quotes[0].text.endswith("lobbyists say,")
    assert quotes[0].speaker == "Alvarez"


def test_quotes_unclosed_quote_without_continuation_ends_with_its_paragraph():
    text = "He said \u201cthe port is closed to all ships\nThe next day it reopened."
    spans = find_quote_spans(text)
    assert len(spans) == 1 and text[spans[0].start:spans[0].end] == "the port is closed to all ships"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She said: \u201dSupplies will reach the city within two days.\u201d", "Supplies will reach the city within two days."),
        ("She said: \u201cSupplies will reach the city within two days.\u201c Then she left.",
         "Supplies will reach the city within two days."),
        ("She said \u201eSupplies will reach the city within two days\u201c and left.",
         "Supplies will reach the city within two days"),
        ('She said "Supplies will reach the city within two days" and left.', "Supplies will reach the city within two days"),
    ],
)
def test_quotes_mismatched_and_straight_marks(text, expected):
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [expected]


def test_quotes_offsets_point_into_the_text():
    text = "The mayor said \u201cthe bridge will reopen soon\u201d on Friday."
    quote = find_quotes(text)[0]
    assert text[quote.start:quote.end] == "the bridge will reopen soon"


def test_quotes_single_word_scare_quotes_are_dropped():
    assert find_quotes("Officials called the raid \u201csuccessful\u201d and moved on.") == []


def test_quotes_component_sets_quotes(nlp):
    from newsfuse.annotate.quotes import quotes_component
    from newsfuse.model import AnnotatedArticle, Article

    text = "\u201cThe dam will hold through the storm,\u201d engineer Paul Reyes said."
    item = quotes_component(AnnotatedArticle(article=Article(id="a1", sha256="x", text=text)), nlp(text))
    assert [(q.speaker, q.article) for q in item.quotes] == [("Paul Reyes", "a1")]


def test_quotes_inverted_speaker_with_abbreviated_title(quotes_of):
    text = "\u201cThe suspect fled on foot toward the river,\u201d said Lt. Maria Lopez of the county police."
    assert _one(quotes_of(text), "The suspect").speaker == "Maria Lopez"


def test_quotes_role_noun_with_abbreviated_title(quotes_of):
    text = ("Det. Sam Ortiz said the car was found empty on Sunday.\n"
            "\u201cWe still need witnesses from that street,\u201d the detective said.")
    assert _one(quotes_of(text), "We still need").speaker == "Sam Ortiz"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The victim was taken to hospital \u201cin stable condition after surgery,\u201d police said.", "police"),
        ("The suspect is \u201ca danger to the whole community,\u201d according to prosecutors.", "prosecutors"),
        ("\u201cWe are looking at every lead we have,\u201d they said.", None),
    ],
)
def test_quotes_unnamed_speakers_are_kept_as_written(quotes_of, text, speaker):
    assert quotes_of(text)[0].speaker == speaker


def test_quotes_organisation_with_apposition(quotes_of):
    text = ("The Coastal Monitoring Group, a Lisbon-based watchdog, said the spill was \u201cthe worst in "
            "two decades\u201d on Friday.")
    assert _one(quotes_of(text), "the worst").speaker == "The Coastal Monitoring Group"
