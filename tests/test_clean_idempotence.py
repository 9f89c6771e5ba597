"""Cleaning clean text changes nothing: clean(clean(x)).text == clean(x).text."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsfuse.clean import clean
from newsfuse.errors import EmptyInputError
from newsfuse.model import RawDocument

# Lines of the kinds articles are made of: body prose, headlines, metadata, boilerplate.
POOL = [
    "A drone struck a fuel depot on the edge of the town on Tuesday night, officials said.",
    "The health directorate said four people were killed and nine others were wounded.",
    "“We heard two explosions,” said Karim Haddad, a shopkeeper on the main road.",
    "Drone strike sets fuel depot ablaze near the border",
    "Residents describe the blast",
    "ALEPPO, Syria - A second drone hit a bakery nearby, a war monitor said.",
    "By Lina Sabbagh and Omar Darwish, Reuters",
    "Updated:",
    "9:15 PM GMT, Tue March 4, 2025",
    "Source: https://www.example.com/a",
    "Smoke rises over the depot. Photo: Lina Sabbagh/AFP",
    "Comments",
    "Post a comment",
    "Copyright 2025 Example Wire. All rights reserved.",
    "Terms of Use", "|", "Privacy Policy",
    "READ MORE: Earlier strike on the same road",
    "This story has been updated.",
    "In English",
    "آخر الأخبار",
    "The toll rose to six later that night, the monitor said. 3",
    "1",
    "Close Get email notifications on Dana Whitlock daily!",
    "1:47 Fire crews battle warehouse blaze Pause",
    "0:52",
    "Total Access",
    "",
    "   ",
]

line = st.one_of(st.sampled_from(POOL), st.text(min_size=0, max_size=60))
documents = st.lists(line, min_size=1, max_size=12).map(lambda lines: "\n".join(lines))


def _clean(text: str):
    return clean(RawDocument("h", "h", text.encode("utf-8", "surrogatepass"), "text"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_cleaning_clean_text_changes_nothing(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        assume(False)
    try:
        once = _clean(text)
    except EmptyInputError:
        assume(False)
        return
    if not once.text:
        return
    assert _clean(once.text).text == once.text
