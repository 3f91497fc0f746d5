import pytest

from hent.labour import figures, services
from hent.labour import models as m

pytestmark = pytest.mark.django_db


def test_families_come_from_the_passage_tables_closest_name_first(labour):
    links = list(
        m.OccupationFamily.objects.filter(occupation="D1102").order_by("id").values_list("nomenclature", "fap_code")
    )
    assert links == [("fap2021", "S0X42"), ("fap2009", "S0Z42"), ("fap2009", "S0Z20")]
    # A level-341 code of the passage table counts for its level-228 family, the BMO's.
    assert m.OccupationFamily.objects.get(occupation="J1506", nomenclature="fap2021").fap_code == "V1X80"


def test_headline_figures_in_the_region(labour):
    baker = m.OccupationMarket.objects.get(occupation="D1102")
    assert (baker.bmo_year, baker.projects) == (2025, 120)  # the masked row is unknown, the other region's is out
    assert baker.difficult_share == pytest.approx(90 / 120)
    assert (baker.share_women, baker.gender_mix, baker.median_salary) == (22, "peu_de_femmes", 1558)
    nurse = m.OccupationMarket.objects.get(occupation="J1506")
    assert nurse.in_shortage_list and nurse.gender_mix == "peu_d_hommes"  # 87 % women, from the FAP-87 level
    assert m.OccupationMarket.objects.get(occupation="M1805").projects is None


@pytest.mark.parametrize(("share", "mix"), [(50, "mixte"), (40, "mixte"), (35, ""), (29, "peu_de_femmes"),
                                            (71, "peu_d_hommes"), (None, "")])  # fmt: skip
def test_gender_mix_thresholds(share, mix):
    assert figures.gender_mix(share) == mix


def test_occupation_market_view(labour):
    from hent.territories.models import Commune

    view = services.occupation_market("D1102", Commune.objects.get(insee="35238"))
    family = view.families[0]
    assert (family.code, family.latest.projects, family.latest.masked, family.change) == ("S0X42", 120, 1, -20)
    assert family.basin.projects == 120  # the visitor's bassin (Rennes)
    assert [b.label for b in family.basins_chart] == ["Rennes", "Brest"]
    assert view.salary == (1558, "2017-2019") and view.share_women == (22, "2017-2019") and view.share_men == 78
    assert view.outlook.positions_to_fill == 7.9 and not view.shortage
    assert view.sectors == [("Boulangerie et boulangerie-pâtisserie", 69), ("Hypermarchés", 31)]


def test_territories(labour):
    region = services.territory("region")
    assert (region.total.projects, region.total.masked) == (500, 1)
    assert [b.label for b in region.top] == ["Infirmiers", "Boulangers, pâtissiers"]
    basin = services.territory("basin", "5301")
    assert basin.total.projects == 80
    epci = services.territory("epci", "243500139")
    assert epci.total.projects == 420 and "Rennes" in epci.note
    assert services.territory("basin", "0000") is None
    assert services.region_total(2025) == 500


def test_filters(labour):
    assert services.filter_codes(["D1102", "J1506", "M1805"], mix="peu_d_hommes") == ["J1506"]
    assert services.filter_codes(["D1102", "J1506", "M1805"], hiring=True) == ["D1102", "J1506"]
    assert services.filter_codes(["D1102", "M1805"]) == ["D1102", "M1805"]
