"""A small labour-market world for the figures, pages and API tests; for the importers' tests, the folders of
small files in the publishers' formats that ``sources`` writes (a test may alter its folder)."""

import pytest

from hent.core.models import Dataset
from hent.labour import figures
from hent.labour import models as m
from hent.territories.models import BmoBasin, Commune, Department, Epci, Region
from tests.datafiles import fixture
from tests.labour import sources

psm = fixture(sources.dares_portraits, "psm")
salaries = fixture(sources.dares_salaries, "salaires")
fap2021 = fixture(sources.fap2021, "fap2021")
m2030 = fixture(sources.metiers_2030, "m2030")
crosswalk = fixture(sources.rome_fap2009, "crosswalk")
lbb = fixture(sources.rome_naf, "lbb")
shortage = fixture(sources.shortage_list, "liste")
tension = fixture(sources.tension_bassin, "tension")


@pytest.fixture
def labour(imported_demo, settings):
    settings.HENT_REGION_CODE = "53"
    region = Region.objects.create(code="53", name="Bretagne")
    dept = Department.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    finistere = Department.objects.create(code="29", name="Finistère", region=region)
    rennes_basin = BmoBasin.objects.create(code="5314", name="RENNES", label="Rennes")
    brest_basin = BmoBasin.objects.create(code="5301", name="BREST", label="Brest")
    Commune.objects.create(
        insee="29019", name="Brest", department=finistere, bmo_basin=brest_basin, postcode="29200",
        latitude=48.39, longitude=-4.49, population=139619, search_name="brest",
    )  # fmt: skip
    epci = Epci.objects.create(siren="243500139", name="Rennes Métropole", nature="METRO")
    Commune.objects.create(
        insee="35238", name="Rennes", department=dept, epci=epci, bmo_basin=rennes_basin, postcode="35000",
        latitude=48.11, longitude=-1.68, population=225081, search_name="rennes",
    )  # fmt: skip
    # FAP 2021: bakers (S0X42) and nurses (V1X80 at level 228, with a 341 child in the passage table).
    m.Fap2021.objects.create(code="S", label="Alimentation", level=22)
    m.Fap2021.objects.create(code="S0X42", label="Boulangers, pâtissiers", level=228, parent_id="S")
    m.Fap2021.objects.create(code="V", label="Santé", level=22)
    m.Fap2021.objects.create(code="V1X80", label="Infirmiers", level=228, parent_id="V")
    m.Fap2021.objects.create(code="V1X81", label="Infirmiers en soins généraux", level=341, parent_id="V1X80")
    m.RomeFap2021.objects.create(rome_code="D1102", qualification="6", fap_id="S0X42", fap_label="Boulangers")
    m.RomeFap2021.objects.create(rome_code="J1506", qualification="7", fap_id="V1X81", fap_label="Infirmiers")
    bmo = [  # year, code, basin, dept, projects, difficult, seasonal
        (2024, "S0X42", "5314", "35", 100, 60, 10),
        (2024, "S0X42", "5301", "29", 50, 40, 0),
        (2025, "S0X42", "5314", "35", 120, 90, 30),
        (2025, "S0X42", "5301", "29", None, None, None),  # masked: unknown, not zero
        (2025, "V1X80", "5314", "35", 300, 100, 0),
        (2025, "V1X80", "5301", "29", 80, None, 0),
        (2025, "S0X42", "9999", "44", 999, 0, 0),  # another region
    ]
    names = {"5314": "RENNES", "5301": "BREST"}
    for year in (2024, 2025):  # as import_bmo records each survey it imports
        Dataset.objects.create(slug=f"bmo-{year}", name=f"BMO {year}", publisher="France Travail")
    for year, code, basin, dept_code, projects, difficult, seasonal in bmo:
        family = "S" if code.startswith("S") else "V"
        m.BmoRecord.objects.create(
            year=year, bmo_code=code, bmo_label="Boulangers, pâtissiers" if family == "S" else "Infirmiers",
            family_code=family, family_label="Fonctions de l'alimentation" if family == "S" else "Santé",
            region_code="53" if basin != "9999" else "52", department_code=dept_code, basin_code=basin,
            basin_name=names.get(basin, "NANTES"), projects=projects, difficult=difficult, seasonal=seasonal,
        )  # fmt: skip
    # FAP 2009 and the DARES series.
    m.Fap2009.objects.create(code="S0Z42", level="fap225", label="Boulangers, pâtissiers")
    m.Fap2009.objects.create(code="S0Z20", level="fap225", label="Apprentis de l'alimentation")
    m.Fap2009.objects.create(code="V1Z80", level="fap225", label="Infirmiers")
    for rome, fap in [("D1102", "S0Z20"), ("D1102", "S0Z42"), ("J1506", "V1Z80")]:
        m.RomeFap2009.objects.create(source="dares-psm", rome_code=rome, fap_code=fap)
    indicators = [
        ("S0Z42", "share_women", "2017-2019", 22), ("S0Z42", "share_women", "2014-2016", 10),
        ("S0Z20", "share_women", "2017-2019", 60), ("S0Z42", "median_salary", "2017-2019", 1558),
        ("V1Z", "share_women", "2017-2019", 87),
    ]  # fmt: skip
    for fap, indicator, period, value in indicators:
        m.DaresIndicator.objects.create(
            dataset="dares-portraits", fap_code=fap, indicator=indicator, period=period, scope="France", value=value,
            unit="%", source_file="test.csv",
        )  # fmt: skip
    m.ShortageListing.objects.create(year=2024, region_code="53", region_name="Bretagne", fap_code="V1Z80",
                                     label="Infirmiers")  # fmt: skip
    m.Projection2030.objects.create(fap_code="S0Z", fap_codes=["S0Z"], label="Ouvriers de l'alimentation",
                                    region_code="53", region_name="Bretagne", positions_to_fill=7.9)  # fmt: skip
    m.RomeNaf.objects.create(rome_code="D1102", naf_code="1071C", rome_label="Boulangerie",
                             naf_label="Boulangerie et boulangerie-pâtisserie", weight=69, curated=True)  # fmt: skip
    m.RomeNaf.objects.create(rome_code="D1102", naf_code="4711F", rome_label="Boulangerie", naf_label="Hypermarchés",
                             weight=31, curated=True)  # fmt: skip
    figures.rebuild()
