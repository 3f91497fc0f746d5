# ruff: noqa: E501  (rows of CSV files are as long as the publishers write them)
"""Small national tables written for the tests, in the publishers' own formats and with their quirks.

Twelve communes of Brittany (53), three of Pays de la Loire (52) and Lyon (84).
Values are rounded or invented where the exact figure does not matter.
Quirks reproduced: a BOM (zones d'emploi), ';' with an unnamed index column and
a "lat, lon" field (geo-points), several rows per commune (La Poste), a blank
trailing row (DGCL), communes nouvelles with their former communes (COMD), a
commune whose code changed (Orée d'Anjou: La Poste and INSEE zones still use
49069), arrondissements (ARM), island communes in no EPCI, look-alike zone
d'emploi and bassin BMO codes, quoted fields with doubled quotes.
"""

import pytest

COMMUNES = """\
TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT
COM,22016,53,22,22D,222,1,ILE DE BREHAT,Île-de-Bréhat,Île-de-Bréhat,2211,
COMD,22007,,,,,0,BINIC,Binic,Binic,,22055
COM,22055,53,22,22D,224,0,BINIC ETABLES SUR MER,Binic-Étables-sur-Mer,Binic-Étables-sur-Mer,2222,
COMD,22055,,,,,1,ETABLES SUR MER,Étables-sur-Mer,Étables-sur-Mer,,22055
COM,22278,53,22,22D,224,0,SAINT BRIEUC,Saint-Brieuc,Saint-Brieuc,2299,
COM,29019,53,29,29D,291,0,BREST,Brest,Brest,2998,
COM,29046,53,29,29D,293,0,DOUARNENEZ,Douarnenez,Douarnenez,2906,
COM,29220,53,29,29D,294,0,PONT L ABBE,Pont-l'Abbé,Pont-l'Abbé,2917,
COM,35238,53,35,35D,353,0,RENNES,Rennes,Rennes,3598,
COM,35288,53,35,35D,352,0,SAINT MALO,Saint-Malo,Saint-Malo,3599,
COM,35289,53,35,35D,352,0,SAINT MALO DE PHILY,Saint-Malo-de-Phily,Saint-Malo-de-Phily,3517,
COM,35360,53,35,35D,354,0,VITRE,Vitré,Vitré,3525,
COM,56226,53,56,56D,563,0,SAINT MALO DE BEIGNON,Saint-Malo-de-Beignon,Saint-Malo-de-Beignon,5604,
COM,56260,53,56,56D,563,0,VANNES,Vannes,Vannes,5699,
COM,44109,52,44,44D,442,0,NANTES,Nantes,Nantes,4496,
COM,44176,52,44,44D,443,0,SAINT MALO DE GUERSAC,Saint-Malo-de-Guersac,Saint-Malo-de-Guersac,4427,
COMD,49040,,,,,0,BOUZILLE,Bouzillé,Bouzillé,,49126
COMD,49069,,,,,0,CHAMPTOCEAUX,Champtoceaux,Champtoceaux,,49126
COM,49126,52,49,49D,492,1,OREE D ANJOU,Orée d'Anjou,Orée d'Anjou,4916,
COMD,49126,,,,,0,DRAIN,Drain,Drain,,49126
COM,69123,84,69,69M,691,0,LYON,Lyon,Lyon,6999,
ARM,69381,84,69,69M,691,0,LYON 1ER ARRONDISSEMENT,Lyon 1er Arrondissement,Lyon 1er Arrondissement,6999,69123
ARM,69382,84,69,69M,691,0,LYON 2E ARRONDISSEMENT,Lyon 2e Arrondissement,Lyon 2e Arrondissement,6999,69123
"""

DEPARTMENTS = '''\
insee_dep,insee_reg,departement,departement_article,lng,lat,aire,lambda,phi,insee_com_cheflieu,insee_com_centre
22,53,Côtes-d'Armor,Côtes-d'Armor,-2.86,48.44,6983.0,"2°51'51"" O","48°26'28""",22278,22800
29,53,Finistère,Finistère,-4.06,48.26,6759.0,"4°03'32"" O","48°15'40""",29232,29590
35,53,Ille-et-Vilaine,Ille-et-Vilaine,-1.64,48.15,6807.0,"1°38'20"" O","48°09'16""",35238,35360
44,52,Loire-Atlantique,Loire-Atlantique,-1.68,47.36,6912.0,"1°40'56"" O","47°21'41""",44109,44130
49,52,Maine-et-Loire,Maine-et-Loire,-0.56,47.39,7232.0,"0°33'51"" O","47°23'27""",49007,49610
56,53,Morbihan,Morbihan,-2.81,47.85,6870.0,"2°48'43"" O","47°50'47""",56260,56190
69,84,Rhône,Rhône,4.64,45.87,3259.0,"4°38'29"" E","45°52'13""",69123,69380
'''

REGIONS = '''\
insee_reg,region,region_article,lng,lat,aire,lambda,phi,insee_reg_cheflieu,commune_centre
52,Pays de la Loire,Pays de la Loire,-0.82,47.47,32376.0,"0°49'26"" O","47°28'29""",44109,"limite Saint-Augustin-des-Bois, Bécon-les-Granits (Maine-et-Loire)"
53,Bretagne,Bretagne,-2.84,48.18,27460.0,"2°50'19"" O","48°10'47""",35238,Saint-Caradec (Côtes d'Armor)
84,Auvergne-Rhône-Alpes,Auvergne-Rhône-Alpes,4.54,45.52,70901.0,"4°32'17""","45°30'57""",69123,Cellieu (Loire)
'''

EPCICOM = """\
dept,siren,raison_sociale,nature_juridique,mode_financ,nb_membres,total_pop_tot,total_pop_mun,dep_com,insee,siren_membre,nom_membre,ptot_2025,pmun_2025
22,200069409,CA Saint-Brieuc Armor Agglomération,CA,FPU,32,158000,154000,22,22055,200061463,Binic-Étables-sur-Mer,7200,7020
22,200069409,CA Saint-Brieuc Armor Agglomération,CA,FPU,32,158000,154000,22,22278,212202786,Saint-Brieuc,45000,44000
29,242900314,Brest Métropole,METRO,FPU,8,213000,210000,29,29019,212900199,Brest,142000,140000
29,200067072,CC Douarnenez Communauté,CC,FPU,5,20000,19500,29,29046,212900462,Douarnenez,14000,13800
29,242900645,CC du Pays Bigouden Sud,CC,FPU,12,38000,37500,29,29220,212902203,Pont-l'Abbé,8500,8400
35,243500139,Rennes Métropole,METRO,FPU,43,483000,474000,35,35238,213502388,Rennes,232000,227830
35,243500782,CA du Pays de Saint Malo Agglomération,CA,FPU,18,88700,86500,35,35288,213502883,Saint-Malo,48500,47300
35,200043990,CC Vallons de Haute-Bretagne Communauté,CC,FPU,18,46000,45000,35,35289,213502891,Saint-Malo-de-Phily,1100,1070
35,200039022,CA Vitré Communauté,CA,FPU,46,84000,82500,35,35360,213503600,Vitré,19000,18800
56,200067932,CC de l'Oust à Brocéliande Communauté,CC,FPU,26,40000,39000,56,56226,215602262,Saint-Malo-de-Beignon,810,800
56,200067932,CC de l'Oust à Brocéliande Communauté,CC,FPU,26,40000,39000,56,56260,215602601,Vannes,55000,54000
44,244400404,Nantes Métropole,METRO,FPU,24,695000,684000,44,44109,214401093,Nantes,330000,325070
44,244400644,CA de la Région Nazairienne et de l'Estuaire,CA,FPU,10,128000,126000,44,44176,214401762,Saint-Malo-de-Guersac,3200,3150
49,200060010,CA Mauges Communauté,CA,FPU,6,125000,122000,49,49126,200056158,Orée d'Anjou,17300,16975
69,200046977,Métropole de Lyon,MET69,FPU,58,1449000,1434000,69,69123,216901231,Lyon,527000,520774
,,,,,,,,,,,,,
"""

ZONES = """\
codgeo,libgeo,ze_2020,codze2020,libze2020
22016,Île-de-Bréhat,5312 - Lannion,5312,Lannion
22055,Binic-Étables-sur-Mer,5316 - Saint-Brieuc,5316,Saint-Brieuc
22278,Saint-Brieuc,5316 - Saint-Brieuc,5316,Saint-Brieuc
29019,Brest,5302 - Brest,5302,Brest
29046,Douarnenez,5310 - Quimper,5310,Quimper
29220,Pont-l'Abbé,5310 - Quimper,5310,Quimper
35238,Rennes,5315 - Rennes,5315,Rennes
35288,Saint-Malo,5317 - Saint-Malo,5317,Saint-Malo
35289,Saint-Malo-de-Phily,5315 - Rennes,5315,Rennes
35360,Vitré,5319 - Vitré,5319,Vitré
56226,Saint-Malo-de-Beignon,5315 - Rennes,5315,Rennes
56260,Vannes,5320 - Vannes,5320,Vannes
44109,Nantes,5216 - Nantes,5216,Nantes
44176,Saint-Malo-de-Guersac,5218 - Saint-Nazaire,5218,Saint-Nazaire
49069,Orée d'Anjou,5201 - Ancenis,5201,Ancenis
49040,Bouzillé,5201 - Ancenis,5201,Ancenis
69123,Lyon,8421 - Lyon,8421,Lyon
"""

BMO = """\
reg,dep,code_commune_insee,code_bassin_BMO,lib_bassin_BMO
53,22,22016,5306,LANNION
53,22,22055,5308,SAINT BRIEUC
53,22,22278,5308,SAINT BRIEUC
53,22,22007,5308,SAINT BRIEUC
53,29,29019,5301,BREST
53,29,29046,5323,DOUARNENEZ
53,29,29220,5325,PONT L'ABBE
53,35,35238,5314,RENNES
53,35,35288,5315,SAINT MALO
53,35,35289,5314,RENNES
53,35,35360,5317,VITRE
53,56,56226,5311,PLOERMEL
53,56,56260,5310,VANNES
52,44,44109,5205,NANTES
52,44,44176,5206,SAINT NAZAIRE
52,49,49126,5201,ANCENIS
84,69,69123,8421,LYON
84,69,69381,8421,LYON
"""

POINTS = """\
;GeoPoint;Annee;Code_Officiel_Commune;latitude;longitude
0;48.8552, -3.0033;2025;22016;48.8552;-3.0033
1;48.5829, -2.8129;2025;22055;48.5829;-2.8129
2;48.5119, -2.7583;2025;22278;48.5119;-2.7583
3;48.4003, -4.5023;2025;29019;48.4003;-4.5023
4;48.0812, -4.3286;2025;29046;48.0812;-4.3286
5;47.8654, -4.2227;2025;29220;47.8654;-4.2227
6;48.1117, -1.6819;2025;35238;48.1117;-1.6819
7;48.6400, -1.9800;2025;35288;48.6400;-1.9800
8;47.8678, -1.8054;2025;35289;47.8678;-1.8054
9;48.1240, -1.2090;2025;35360;48.1240;-1.2090
10;47.9400, -2.1600;2025;56226;47.9400;-2.1600
11;47.6580, -2.7600;2025;56260;47.6580;-2.7600
12;47.2320, -1.5482;2025;44109;47.2320;-1.5482
13;47.3470, -2.1610;2025;44176;47.3470;-2.1610
14;47.3095, -1.2014;2025;49126;47.3095;-1.2014
15;45.7549, 4.8363;2025;69123;45.7549;4.8363
"""

POSTCODES = """\
Code_commune_INSEE,Nom_de_la_commune,Code_postal,Intitule,Ligne_5
22016,ILE DE BREHAT,22870,ILE DE BREHAT,
22055,BINIC ETABLES SUR MER,22520,BINIC ETABLES SUR MER,BINIC
22055,BINIC ETABLES SUR MER,22680,BINIC ETABLES SUR MER,ETABLES SUR MER
22278,SAINT BRIEUC,22000,SAINT BRIEUC,
29019,BREST,29200,BREST,
29046,DOUARNENEZ,29100,DOUARNENEZ,
29046,DOUARNENEZ,29100,DOUARNENEZ,TREBOUL
29220,PONT L ABBE,29120,PONT L ABBE,
35238,RENNES,35000,RENNES,
35238,RENNES,35200,RENNES,
35238,RENNES,35700,RENNES,
35288,SAINT MALO,35400,SAINT MALO,
35288,SAINT MALO,35400,SAINT MALO,PARAME
35289,SAINT MALO DE PHILY,35480,SAINT MALO DE PHILY,
35360,VITRE,35500,VITRE,
56226,SAINT MALO DE BEIGNON,56380,SAINT MALO DE BEIGNON,
56260,VANNES,56000,VANNES,
44109,NANTES,44000,NANTES,
44109,NANTES,44100,NANTES,
44176,SAINT MALO DE GUERSAC,44550,SAINT MALO DE GUERSAC,
49069,OREE D ANJOU,49270,OREE D ANJOU,CHAMPTOCEAUX
49069,OREE D ANJOU,49530,OREE D ANJOU,BOUZILLE
49069,OREE D ANJOU,49530,OREE D ANJOU,DRAIN
69123,LYON,69000,LYON,
69123,LYON 01,69001,LYON,
69123,LYON 02,69002,LYON,
22055,BINIC ETABLES SUR MER,22520,BINIC,
22055,BINIC ETABLES SUR MER,22680,ETABLES SUR MER,
29046,DOUARNENEZ,29100,TREBOUL,
29046,DOUARNENEZ,29177,DOUARNENEZ,
"""

COG_EXTRA = """\
insee_com,insee_reg,insee_dep,commune,commune_article,code_postal,commune_type,insee_parente,lat,lng,superficie_km2,population_2021,population_2015
22016,53,22,Île-de-Bréhat,Île-de-Bréhat,22870,COM,,48.84,-3.00,3.09,380,410
35238,53,35,Rennes,Rennes,35700,COM,,48.11,-1.68,50.39,225081,215366
"""

# relative path -> (text, encoding); the enriched regional file is a decoy the importer must ignore.
FILES = {
    "france/insee_cog2026_communes.csv": (COMMUNES, "utf-8"),
    "france/departements.csv": (DEPARTMENTS, "utf-8"),
    "france/regions.csv": (REGIONS, "utf-8"),
    "france/dgcl_epcicom2025.csv": (EPCICOM, "utf-8"),
    "france/insee_communes_zones_emploi_2020.csv": (ZONES, "utf-8-sig"),
    "france/francetravail_bassins_bmo_communes.csv": (BMO, "utf-8"),
    "france/communes_geopoint_2025.csv": (POINTS, "utf-8"),
    "france/laposte_codes_postaux.csv": (POSTCODES, "utf-8"),
    "france/communes_cog2024_latlng_population.csv": (COG_EXTRA, "utf-8"),
    "communes_bretagne_cog2026_enrichies.csv": ("code_insee,nom\n99999,Nowhere\n", "utf-8"),
}


def write_geo(target):
    for name, (text, encoding) in FILES.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
    return target


@pytest.fixture
def geo_dir(tmp_path):
    """A private copy of the test tables, which a test may alter."""
    return write_geo(tmp_path / "geo")


@pytest.fixture
def geo(db, geo_dir, settings):
    """The test tables imported for Brittany."""
    from hent.territories.importers.geo import GeoImporter

    settings.HENT_REGION_CODE = "53"
    return GeoImporter(geo_dir).run()
