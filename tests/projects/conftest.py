"""A small world for the project tests: the demo ROME, two communes, a training and an establishment
(written for the tests; the trainings and territories domains test their own importers)."""

import re
import zlib
from base64 import a85decode

import pytest

from hent.territories.models import Commune, Department, Epci, Region
from hent.trainings.models import Establishment, Training


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limits count in the cache: each test starts from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(imported_demo, settings):
    settings.HENT_REGION_CODE = "53"
    region = Region.objects.create(code="53", name="Bretagne")
    dept = Department.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    epci = Epci.objects.create(siren="243500139", name="Rennes Métropole", nature="METRO")
    Commune.objects.create(
        insee="35238", name="Rennes", department=dept, epci=epci, postcode="35000", postcodes="35000 35200 35700",
        latitude=48.11, longitude=-1.68, population=225081, search_name="rennes",
    )  # fmt: skip
    Commune.objects.create(
        insee="35288", name="Saint-Malo", department=dept, postcode="35400", postcodes="35400",
        latitude=48.65, longitude=-2.03, population=46000, search_name="saint malo",
    )  # fmt: skip
    Training.objects.create(slug="ci-1", title="CAP boulanger", level=3, sources="certifinfo")
    Establishment.objects.create(
        code="0350001A", uai="0350001A", name="Lycée Bréquigny", commune_code="35238", commune_name="Rennes",
        department="35", sources="annuaire",
    )  # fmt: skip
    return {"occupation": "D1102", "training": "ci-1", "commune": "35238", "establishment": "0350001A"}


def pdf_text(content):
    """The text a PDF made by ReportLab shows, from its content streams (ASCII85 + Flate, or plain)."""
    assert content.startswith(b"%PDF-")
    chunks = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", content, re.S):
        header = content[content.rfind(b"<<", 0, match.start()) : match.start()]
        data = match.group(1).strip()
        if b"ASCII85Decode" in header:
            data = a85decode(data.removeprefix(b"<~").removesuffix(b"~>"))
        if b"FlateDecode" in header:
            try:
                data = zlib.decompress(data)
            except zlib.error:
                continue
        chunks.append(data)
    text = []
    for chunk in chunks:
        for literal in re.findall(rb"\((.*?)(?<!\\)\)\s*Tj", chunk, re.S):
            literal = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), literal)
            literal = re.sub(rb"\\(.)", rb"\1", literal)
            text.append(literal.decode("cp1252"))
    return " ".join(text)
