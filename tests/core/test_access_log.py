import logging

import pytest

pytestmark = pytest.mark.django_db


def test_access_log_never_records_what_people_typed(client, caplog):
    with caplog.at_level(logging.INFO, logger="hent.access"):
        client.get("/recherche/", {"q": "marie dupont 06 12 34 56 78"})
    lines = [r.getMessage() for r in caplog.records if r.name == "hent.access"]
    assert lines and lines[0].startswith("GET /recherche/ 200")
    assert not any("dupont" in line or "06 12" in line for line in lines)
