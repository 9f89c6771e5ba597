"""Site notices (clean/notices.py): subscription, registration and notification notices,
app promotions, player messages, video playlists, forecast boxes, staff bios; and story
lines with the same words that must stay. All lines are invented."""

from __future__ import annotations

import pytest

from newsfuse.clean import clean
from newsfuse.clean.normalize import split_lines
from newsfuse.clean.text import strip_boilerplate
from newsfuse.model import RawDocument

BODY = [
    "A man was shot in the leg outside a gas station on Elm Street late Saturday, Brookfield police said.",
    "Officers found the 34-year-old victim near the pumps and took him to Mercy General Hospital.",
    "Detectives said the shooting followed an argument in the parking lot and no one has been arrested.",
]


def _strip(*before: str, after: tuple[str, ...] = ()):
    return strip_boilerplate(split_lines("\n".join([*before, *BODY, *after])))


def _reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Close Get email notifications on Dana Whitlock daily!", "notification notice"),
        ("Whenever Dana Whitlock posts new content, you'll get an email delivered to your inbox with a link.",
         "notification notice"),
        ("Get The Top 10 Stories Each Morning in Your Inbox", "notification notice"),
        ("Success! An email has been sent with a link to confirm your newsletter signup.", "notification notice"),
        ("Never miss another Facebook post from Channel 9 News", "notification notice"),
        ("Full text available to premium subscribers only. Please click here to read the story.", "subscription notice"),
        ("2 of 5 free articles used this month", "subscription notice"),
        ("Enjoy the convenience of home delivery plus the digital edition. Sign up today!", "subscription notice"),
        ("Sorry, this zip code is not in our deliverable area for this subscription.", "subscription notice"),
        ("Want to become a full access subscriber?", "subscription notice"),
        ("We hope you've enjoyed your preview of ValleyTimes.com.", "subscription notice"),
        ("You've now read the maximum number of free stories this month.", "subscription notice"),
        ("Total Access", "subscription notice"),
        ("We look forward to seeing you frequently. Visit us and sign in to update your profile.",
         "registration notice"),
        ("No email address was supplied by . To complete your registration, please supply an address.",
         "registration notice"),
        ("By submitting your registration information, you agree to our Terms of Service.", "registration notice"),
        ("Sign in using your valley account", "registration notice"),
        ("Already have an account?", "registration notice"),
        ("To see more from Brookfield Police Department on Facebook, log in or create an account.",
         "registration notice"),
        ("Add a location to your Tweets", "widget text"),
        ("Having trouble viewing the video? Try disabling any ad blockers on your browser.", "widget text"),
        ("Hide Transcript Show Transcript", "widget text"),
        ("This news report is made possible by:", "widget text"),
        ("We're always interested in what you're seeing in the community. Send us your news tips.", "widget text"),
        ("Download the Channel 9 News app: iPhone | Android", "app promotion"),
        ("To get breaking news alerts, grab the free Channel 9 app for iPhone or Android.", "app promotion"),
    ],
)
def test_notice_after_the_story_is_removed(line, reason):
    result = _strip(after=(line,))
    assert _reasons(result).get(line) == reason
    assert result.text == "\n".join(BODY)


@pytest.mark.parametrize(
    "playlist",
    [
        ("0:52 Council votes on new bus routes Pause", "1:47 Fire crews battle warehouse blaze",
         "2:05 High school band heads to state finals"),
        ("Council votes on new bus routes", "1:12", "Fire crews battle warehouse blaze", "0:48"),
        ("Council votes on new bus routes | 0:41",),
        ("PLAYLIST: SHOOTINGS IN BROOKFIELD", "2:10"),
    ],
)
def test_video_playlist_after_the_story_is_removed(playlist):
    result = _strip(after=playlist)
    assert {r.reason for r in result.removed} == {"video playlist"}
    assert result.text == "\n".join(BODY)


def test_forecast_box_is_removed():
    box = ("Brookfield, OH (44403)", "Today", "Clouds and sun. High 81F. Winds SW at 5 to 10 mph.",
           "Tonight", "Clear. Low 60F. Winds light and variable.")  # fmt: skip
    result = _strip(*box)
    assert {r.reason for r in result.removed} == {"weather widget"}
    assert result.text == "\n".join(BODY)


def test_staff_bio_at_the_end_is_removed():
    bio = "Dana Whitlock is a crime reporter for the Valley Times. Email her at dwhitlock@example.com."
    assert _reasons(_strip(after=(bio,))) == {bio: "staff bio"}


@pytest.mark.parametrize(
    "line",
    [
        "9:15 Police arrive at the house and knock on the door.",
        "He used a dating app on his iPhone to meet the victim, police said.",
        "The victim had just renewed his subscription to the gym where he worked out.",
        "Her sister said she would never miss a game of her son's team.",
        "Winds gusted to 40 mph as the fire spread, and the high reached 90 degrees.",
        "Dana Whitlock is a reporter who was shot while covering the protest, her editor said.",
        "Police said the suspect signed in to the victim's email account after the shooting.",
        "Today",
    ],
)
def test_story_lines_with_notice_words_stay(line):
    lines = split_lines("\n".join([BODY[0], line, BODY[1], BODY[2]]))
    assert line in strip_boilerplate(lines).text.split("\n")


def test_promotion_glued_to_a_story_sentence_keeps_the_line():
    line = "No arrests have been made. Sign up for our newsletters to get breaking news in your inbox."
    assert line in _strip(after=(line,)).text.split("\n")


def test_page_of_notices_only_keeps_the_title_and_warns():
    text = "\n".join([
        "Close Get email notifications on Dana Whitlock daily!",
        "Whenever Dana Whitlock posts new content, you'll get an email delivered to your inbox with a link.",
    ])
    raw = RawDocument("n1", "n1", text.encode(), "record", {"title": "Man shot at Elm Street gas station"})
    article = clean(raw)
    assert article.text == ""
    assert article.title == "Man shot at Elm Street gas station"
    assert "Whitlock" not in article.text
    assert any(w.startswith("empty text") for w in article.warnings)
