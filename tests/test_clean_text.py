"""The plain-text boilerplate rules, one fixture per rule, plus lines that must stay."""

from __future__ import annotations

import pytest

from newsfuse.clean.normalize import split_lines
from newsfuse.clean.text import headline_like, strip_boilerplate

BODY = [
    "A drone struck a fuel depot on the outskirts of the town on Tuesday night, local officials said.",
    "The provincial health directorate said four people were killed and nine others were wounded.",
    "“We heard two explosions and then the sky turned orange,” said Karim Haddad, a shopkeeper.",
]


def _strip(*extra_before: str, after: tuple[str, ...] = (), title: str | None = None):
    lines = split_lines("\n".join([*extra_before, *BODY, *after]))
    return strip_boilerplate(lines, known_title=title)


def _reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Comments are moderated before publication; see our community guidelines.", "comment policy"),
        ("Post a comment", "comment policy"),
        ("Copyright 2025 The Valley Courier. All rights reserved.", "copyright footer"),
        ("© 2025 Example Broadcasting Company", "copyright footer"),
        ("Privacy Policy | Terms of Use | Cookie Settings | Accessibility", "legal menu"),
        ("See Full Web Article", "link to full article"),
        ("Go to the full Example News experience", "link to full article"),
        ("READ MORE: Earlier strike on the same depot left two dead", "read-more teaser"),
        ("Related: What we know about the drone campaign", "read-more teaser"),
        ("This story has been updated with new casualty figures.", "update note"),
        ("This is a developing story and will be updated.", "update note"),
        ("Please enable Javascript to watch this video", "page furniture"),
        ("Advertisement", "page furniture"),
        ("-----", "separator"),
    ],
)
def test_rule_removes_tail_line(line, reason):
    result = _strip(after=(line,))
    assert _reasons(result).get(line) == reason
    assert line not in result.text.split("\n")
    assert all(sentence in result.text for sentence in BODY)


def test_legal_menu_one_word_per_line_is_removed():
    menu = ("Terms of Service", "|", "Privacy Notice", "|", "AdChoices", "|", "Cookie Preferences")
    result = _strip(after=menu)
    assert result.text.split("\n")[-1] == BODY[-1]
    assert {r.text for r in result.removed} >= set(menu)


def test_comment_section_heading_and_policy_are_removed():
    section = (
        "Comments",
        "The Valley Courier moderates every comment posted under our stories.",
        "We will not tolerate insults, threats, profanity or spam.",
        "Post a comment",
    )
    result = _strip(after=section)
    assert [r.reason for r in result.removed] == ["comment section"] * 4
    assert result.text.split("\n")[-1] == BODY[-1]


def test_comments_heading_without_policy_stays_when_text_follows():
    lines = ("Comments", "Residents said the depot had been hit before, in a raid last spring that killed two guards.")
    result = _strip(*lines)
    assert "Comments" in result.text.split("\n")


def test_photo_caption_with_credit_is_kept_as_caption():
    caption = "Smoke rises over the depot after the strike on March 4, 2025. Photo: Lina Sabbagh/AFP"
    result = _strip(caption)
    assert result.captions == [caption]
    assert _reasons(result)[caption] == "photo caption"
    assert result.text.startswith(BODY[0])


@pytest.mark.parametrize(
    "caption",
    [
        "Rescue workers search the rubble in the town. (Photo by Omar Darwish/Reuters)",
        "Firefighters at the site on Wednesday. Omar Darwish/AFP via Getty Images",
        "A damaged lorry outside the depot. (Photo: Civil Defence)",
    ],
)
def test_photo_caption_variants(caption):
    assert strip_boilerplate(split_lines("\n".join([caption, *BODY]))).captions == [caption]


def test_other_script_navigation_is_removed():
    result = _strip("آخر الأخبار", "النسخة الكاملة", after=("اتصل بنا",))
    assert [r.reason for r in result.removed] == ["navigation in another script"] * 3


def test_arabic_article_keeps_its_arabic_and_drops_latin_menu():
    body = [
        "قالت مديرية الصحة في المحافظة إن أربعة أشخاص قتلوا وأصيب تسعة آخرون في الغارة على المستودع.",
        "وقال شاهد عيان إنه سمع انفجارين قبل أن تشتعل النيران في الموقع بالكامل مساء الثلاثاء.",
    ]
    result = strip_boilerplate(split_lines("\n".join(["Home", "Latest News", *body])))
    assert result.text == "\n".join(body)


def test_language_switcher_is_removed():
    result = _strip("In English")
    assert _reasons(result) == {"In English": "language switcher"}


def test_stray_page_marker_is_stripped():
    lines = split_lines(BODY[0] + "\n" + BODY[1].replace("wounded.", "wounded (health directorate). 2"))
    result = strip_boilerplate(lines)
    assert result.text.split("\n")[1].endswith("wounded (health directorate).")
    assert ("2", "page marker") in [(r.text, r.reason) for r in result.removed]


@pytest.mark.parametrize(
    "line",
    [
        "The team was ranked No. 1",
        "He said the figure was revised in Vol. 2",
        "Fighting resumed around kilometre 12",
    ],
)
def test_numbers_that_are_not_markers_stay(line):
    result = strip_boilerplate(split_lines("\n".join([*BODY, line])))
    assert result.text.split("\n")[-1] == line


def test_headline_becomes_title():
    result = _strip("Drone strike sets fuel depot ablaze near the border")
    assert result.title == "Drone strike sets fuel depot ablaze near the border"
    assert result.text.startswith(BODY[0])
    assert _reasons(result)[result.title] == "title"


def test_known_title_line_is_removed():
    title = "Four killed as drone hits depot."
    result = _strip(title, title=title)
    assert result.title == title
    assert result.text.startswith(BODY[0])


def test_first_prose_paragraph_is_not_a_title():
    result = _strip()
    assert result.title is None
    assert result.text == "\n".join(BODY)


@pytest.mark.parametrize(
    "line",
    [
        "Reaction from the capital",
        "“Successful” raids",
        "Casualties disputed",
    ],
)
def test_subheadings_inside_the_body_stay(line):
    lines = split_lines("\n".join([BODY[0], line, BODY[1], BODY[2]]))
    assert line in strip_boilerplate(lines).text.split("\n")


@pytest.mark.parametrize(
    "line",
    [
        "The ministry declined to comment on the approval of new flights to the area.",
        "Officials said the copyright dispute over the footage was settled last year in court.",
        "More than 40 people were treated for smoke inhalation, the hospital said in a statement.",
        "Watch towers along the road were also hit, according to the monitor.",
        "Related strikes hit two villages further east, residents told reporters by phone.",
    ],
)
def test_body_sentences_with_trigger_words_stay(line):
    result = strip_boilerplate(split_lines("\n".join([BODY[0], line, BODY[1]])))
    assert line in result.text.split("\n")


def test_blank_line_paragraphs_are_kept_and_collapsed():
    text = f"{BODY[0]}\n\n\n\n{BODY[1]}\n \n{BODY[2]}"
    assert strip_boilerplate(split_lines(text)).text == f"{BODY[0]}\n\n{BODY[1]}\n\n{BODY[2]}"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Drone strike hits depot near border", True),
        ("Four killed, nine hurt in overnight raid", True),
        ("A drone struck a depot on Tuesday.", False),
        ("ALEPPO, Syria - A drone struck", False),
        ("Too short", False),
    ],
)
def test_headline_like(line, expected):
    assert headline_like(line) is expected


@pytest.mark.parametrize(
    "line, removed",
    [
        ("Les dernières nouvelles de la région", True),
        ("Weitere Nachrichten aus der Region hier lesen", True),
        ("Karim Haddad and Lina Sabbagh contributed", False),
        ("More news from the region today", False),
    ],
)
def test_tail_line_in_another_language_is_navigation(line, removed):
    result = _strip(after=(line,))
    assert (_reasons(result).get(line) == "navigation in another language") is removed


def test_other_language_inside_the_body_stays():
    line = "Les dernières nouvelles de la région"
    result = strip_boilerplate(split_lines("\n".join([BODY[0], line, BODY[1], BODY[2]])))
    assert line in result.text.split("\n")


def test_update_time_over_two_lines_is_metadata():
    result = _strip("Updated:", "   9:15 PM GMT, Tue March 4, 2025  ")
    assert [(r.reason, r.text) for r in result.removed] == [
        ("update time", "Updated:"),
        ("update time", "9:15 PM GMT, Tue March 4, 2025"),
    ]


def test_source_and_byline_lines_in_the_head_are_metadata():
    result = _strip("Source: Valley Courier", "By Lina Sabbagh and Omar Darwish")
    assert [r.reason for r in result.removed] == ["source", "byline"]


def test_source_name_line_inside_the_body_stays():
    line = "Source: Valley Courier"
    result = strip_boilerplate(split_lines("\n".join([BODY[0], line, BODY[1]])))
    assert line in result.text.split("\n")


def test_wire_staff_credits_at_the_end_are_removed():
    line = "(Reporting by Lina Sabbagh; Editing by Tom Reyes)"
    assert _reasons(_strip(after=(line,))) == {line: "staff credits"}


def test_navigation_menu_line_is_removed():
    assert _reasons(_strip("Home News Weather Sports")) == {"Home News Weather Sports": "navigation menu"}


@pytest.mark.parametrize(
    "line",
    [
        "The platform said the video broke its community guidelines and removed it on Monday.",
        "Lawmakers rejected the proposal after a long debate over civilian compensation.",
    ],
)
def test_discussion_heading_over_news_text_stays(line):
    lines = split_lines("\n".join([BODY[0], "Discussion", line, BODY[1]]))
    result = strip_boilerplate(lines)
    assert line in result.text.split("\n") and "Discussion" in result.text.split("\n")
