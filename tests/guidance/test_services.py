import datetime
import zoneinfo

import pytest

from hent.guidance import services
from hent.guidance.models import OpeningHours, Structure

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
UTC = datetime.UTC


def make(slug, lat, lon, kind="cio", publics=("lyceens",), **fields):
    return Structure.objects.create(
        slug=slug, name=slug, kind=kind, latitude=lat, longitude=lon, publics=list(publics), **fields
    )


@pytest.fixture
def points(db):
    # From Rennes (48.1117, -1.6819): Cesson ~5 km, Vitré ~35 km, Saint-Malo ~65 km, Brest ~210 km.
    return {
        "brest": make("brest", 48.40, -4.50),
        "malo": make("malo", 48.64, -1.98, kind="france_travail", publics=("demandeurs_emploi",)),
        "vitre": make("vitre", 48.124, -1.209, kind="france_travail", publics=("tous",)),
        "cesson": make("cesson", 48.12, -1.60),
        "hidden": make("hidden", 48.11, -1.68, is_active=False),
        "nowhere": make("nowhere", None, None),
    }


def test_nearest_orders_by_distance_and_leaves_out_what_cannot_be_placed_or_is_hidden(points):
    found = services.nearest(48.1117, -1.6819)
    assert [s.slug for s in found] == ["cesson", "vitre", "malo", "brest"]
    assert found[0].distance_km == pytest.approx(6.1, abs=0.3)
    assert found[-1].distance_km > 200


def test_nearest_filters_by_kind_public_and_limit(points):
    assert [s.slug for s in services.nearest(48.1117, -1.6819, kinds=["france_travail"])] == ["vitre", "malo"]
    assert [s.slug for s in services.nearest(48.1117, -1.6819, kinds="cio", limit=1)] == ["cesson"]
    # "tous" serves every public.
    assert [s.slug for s in services.nearest(48.1117, -1.6819, public="demandeurs_emploi")] == ["vitre", "malo"]
    assert services.nearest(48.1117, -1.6819, public="handicap") == [services.nearest(48.1117, -1.6819)[1]]


def test_without_location_lists_unplaced_public_structures(points):
    assert [s.slug for s in services.without_location()] == ["nowhere"]


@pytest.fixture
def office(db):
    s = make("office", 48.1, -1.6)
    for day in range(5):  # Monday to Friday 09:00-12:00 and 13:30-17:00; closed on weekends
        OpeningHours.objects.create(structure=s, weekday=day, opens="09:00", closes="12:00")
        OpeningHours.objects.create(structure=s, weekday=day, opens="13:30", closes="17:00")
    return s


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        ("2026-03-02 08:59", False),  # Monday, before opening
        ("2026-03-02 09:00", True),  # the opening minute is open
        ("2026-03-02 11:59", True),
        ("2026-03-02 12:00", False),  # the closing minute is closed
        ("2026-03-02 12:45", False),  # lunch break
        ("2026-03-02 13:30", True),
        ("2026-03-07 10:00", False),  # Saturday: closed all day
        ("2026-03-08 10:00", False),  # Sunday
    ],
)
def test_is_open_by_weekly_hours(office, local, expected):
    at = datetime.datetime.fromisoformat(local).replace(tzinfo=PARIS)
    assert services.is_open(office, at) is expected


def test_is_open_uses_paris_time_across_daylight_saving(office):
    # Winter (UTC+1): 08:30 UTC is 09:30 in Paris -> open; 07:30 UTC is 08:30 -> closed.
    assert services.is_open(office, datetime.datetime(2026, 3, 27, 8, 30, tzinfo=UTC))
    assert not services.is_open(office, datetime.datetime(2026, 3, 27, 7, 30, tzinfo=UTC))
    # Summer (UTC+2, from Sunday 29 March 2026): 07:30 UTC is 09:30 in Paris -> open.
    assert services.is_open(office, datetime.datetime(2026, 3, 30, 7, 30, tzinfo=UTC))
    assert not services.is_open(office, datetime.datetime(2026, 3, 30, 15, 30, tzinfo=UTC))  # 17:30 in Paris
    # Back to winter after 25 October 2026: 15:30 UTC is 16:30 in Paris -> open.
    assert services.is_open(office, datetime.datetime(2026, 10, 26, 15, 30, tzinfo=UTC))
    # UTC Monday 23:30 is already Tuesday 00:30 in Paris (summer): the day is Paris's.
    assert services.opening_status(office, datetime.datetime(2026, 6, 1, 23, 30, tzinfo=UTC)).next_in_days == 0


def test_opening_status_says_until_when_and_when_next(office):
    at = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=PARIS)
    status = services.opening_status(office, at)
    assert status.open and status.until == datetime.time(12, 0)
    friday_evening = datetime.datetime(2026, 3, 6, 18, 0, tzinfo=PARIS)
    status = services.opening_status(office, friday_evening)
    assert not status.open and status.next_day == 0 and status.next_time == datetime.time(9, 0)
    assert status.next_in_days == 3
    assert str(status.next_day_label) == "lundi"


def test_structure_without_hours_is_not_open_and_says_unknown(db):
    s = make("nohours", 48.1, -1.6)
    assert services.is_open(s) is False
    assert services.opening_status(s).known is False


def test_week_lists_every_day(office):
    week = services.week(office)
    assert len(week) == 7
    assert week[0][1] == [(datetime.time(9), datetime.time(12)), (datetime.time(13, 30), datetime.time(17))]
    assert week[6][1] == []


def test_missing_kinds_point_to_national_directories(points):
    missing = {kind for kind, _, _ in services.missing_kinds()}
    assert "mission_locale" in missing and "cap_emploi" in missing
    assert "cio" not in missing and "france_travail" not in missing
