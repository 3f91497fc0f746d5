"""The questionnaire takes under 5 minutes for a 13-year-old (the brief's target), words counted on the pages as
rendered: see `manage.py questionnaire_reading_time`."""

import pytest

from hent.explore.management.commands.questionnaire_reading_time import measure

pytestmark = pytest.mark.django_db


def test_reading_and_answering_takes_under_five_minutes():
    rows, minutes = measure(wpm=130, seconds_per_answer=3)
    assert [name for name, _shown, _read in rows] == ["intro"] + [f"step {n}" for n in range(1, 7)]
    assert all(0 < to_read <= shown for _name, shown, to_read in rows)
    assert max(shown for _name, shown, _read in rows[1:]) <= 130, "a screen shows too much text for a phone"
    assert minutes < 5, f"{minutes:.1f} minutes"
