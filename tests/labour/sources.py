"""Small input files of the labour importers, written at run time by the tests in the publishers' formats.

One function a publisher's folder: ``dares_portraits(folder)`` writes the DARES PSM files into ``folder`` and returns
it. Codes and labels are those of the public nomenclatures (FAP, ROME, PCS, NAF, regions, bassins); every figure is
invented for the tests. The BMO workbooks are in ``bmo_workbooks.py``.
"""

import datetime
import json
import re
import zipfile

import openpyxl

from tests.datafiles import NA, Bare, Quoted, write, write_csv

# -- DARES, Portraits statistiques des métiers (PSM) -----------------------------------------------------------

PSM_PROVENANCE = """\
# DARES – Portraits statistiques des métiers (PSM), test files

## Source
- Repository: `StatDares/PortraitStatMetiers` (official DARES GitHub account), branch `main`
- Commit: data published in `3d7e055d08cd1001cf1a7e0daeb60aead7d9415e` ("publication", 2021-04-27)

Small files written for Hent's tests, in the publisher's format.
"""
PSM_LEVELS = ["libelle", "code_domaine", "libelle_domaine", "code_fap_agregee", "libelle_fap_agregee"]
DOMAIN_A = ("A", "Agriculture, marine, pêche")
FAMILY_A0Z = ("A0Z", "Agriculteurs, éleveurs, sylviculteurs, bûcherons")
PSM_LABELS = {  # the label columns of a *_3niv row, by code; slips as published (label = code, no-break spaces)
    "A": [DOMAIN_A[1], *DOMAIN_A, NA, NA],
    "A0Z": [FAMILY_A0Z[1], *DOMAIN_A, *FAMILY_A0Z],
    "A0Z40": ["Agriculteurs salariés", *DOMAIN_A, *FAMILY_A0Z],
    "A0Z41": ["Éleveurs salariés", *DOMAIN_A, *FAMILY_A0Z],
    "E1Z43": ["Autres ouvriers qualifiés en verre, céramique,\xa0métallurgie\xa0", "E", "Industries de process", "E1Z",
              "Ouvriers qualifiés des industries de process"],
    "T2Z": ["T2Z", "T", "Services aux particuliers et aux collectivités", "T2Z", "T2Z"],
    "Ensemble": ["Tous métiers", "Y", "Tous métiers", NA, NA],
}  # fmt: skip
TENSION_COMPONENTS = ["Intensité d'embauches", "Lien formation-emploi", "Manque de main-d'œuvre disponible",
                      "Non-durabilité de l'emploi", "Conditions de travail contraignantes",
                      "Inadéquation géographique"]  # fmt: skip


def three_levels(folder, name, header, rows, **options):
    """A *_3niv file: each row (code first) followed by its label columns."""
    rows = [[*row, *PSM_LABELS[row[0]]] for row in rows]
    return write_csv(folder / name, [*header, *PSM_LEVELS], rows, delimiter=",", quote="text", **options)


def dares_portraits(folder):
    """The DARES PSM inputs: ',' and ';' files, quoted text, NA, one Windows-1252 file, three-level files."""
    write(folder / "PROVENANCE.md", PSM_PROVENANCE)
    write_csv(folder / "FAP_PCS.csv", ["Fap", "PCS", "intitule_PCS"], [
        ("A0Z40", "691e", "Salariés agricoles polyvalents"),
        ("A0Z41", "691b", "Ouvriers de l'élevage"),
    ])  # fmt: skip
    write_csv(folder / "fap225_rome.csv", ["Fap", "Rome", "intitule_rome"], [
        ("A0Z40", "A1416", "Polyculture, élevage"),
        ("A0Z41", "A1403", "Aide d'élevage agricole et aquacole"),
        ("A0Z41", "A1407", "Élevage bovin ou équin"),
        ("E1Z43", "NA", "NA"), ("", "", ""), ("", "", ""),
    ])  # fmt: skip
    three_levels(folder, "part_femmes_3niv.csv", ["Fap3", "Annee", "Part"], [
        ("A", "2017-2019", 22.6), ("A0Z", "2017-2019", 23.9), ("A0Z40", "2003-2005", 14.8),
        ("A0Z40", "2017-2019", 19.35), ("A0Z41", "2017-2019", 31.7), ("E1Z43", "2017-2019", 12.5),
        ("T2Z", "1982-1984", 97.4), ("Ensemble", "2017-2019", 47.6),
    ])  # fmt: skip
    age = ["Fap", "Age", "Annee", "Pourcentage"]
    three_levels(folder, "age_agrege_1982_1984_2017_2019_restructure_3niv.csv", age, [
        ("A0Z40", "Moins de 30 ans", "2017-2019", 41.27), ("A0Z40", "30-49 ans", "2017-2019", 33.51),
        ("A0Z40", "50 ans et plus", "2017-2019", 25.22), ("A0Z", "Moins de 30 ans", "2017-2019", 17.35),
        ("A0Z", "30-49 ans", "2017-2019", 36.4), ("A0Z", "50 ans et plus", "2017-2019", 46.25),
    ])  # fmt: skip
    three_levels(folder, "tab5statut_3niv.csv", ["Fap", "statut", "Annee", "Pourcentage"], [
        ("A0Z40", "Apprentis", "2017-2019", 5.9), ("A0Z40", "Contrats à durée déterminée", "2017-2019", 28.35),
        ("A0Z40", "Contrats ou emplois à durée indéterminée", "2017-2019", 61.8),
        ("A0Z40", "Intérimaires", "2017-2019", 3.95), ("A0Z40", "Non-salariés, chefs d'entreprise", "2017-2019", NA),
        ("A0Z", "Contrats à durée déterminée", "2017-2019", 6.9), ("A0Z", "Intérimaires", "2017-2019", 0.7),
    ], encoding="cp1252")  # fmt: skip
    three_levels(folder, "tab6_temps_travail_3niv.csv", ["Fap", "annee", "Pourcentage", "Temps_travail"], [
        ("A0Z40", "2017-2019", 6.85, "dont sous-emploi"),
        ("A0Z40", "2017-2019", 30.4, "Temps complet travaillant plus de 40h par semaine"),
        ("A0Z40", "2017-2019", 18.6, "Temps partiel"),
    ])  # fmt: skip
    write_csv(folder / "salaire_median_3niv.csv", ["Fap3", "Annee", "Salaire_median"], [
        ("A0Z", "2017-2019", 1500), ("A0Z40", "2017-2019", 1400), ("A0Z41", "2017-2019", NA),
        ("Ensemble", "2016-2018", 1780),
    ], delimiter=",", quote="text")  # fmt: skip
    series = ["effectif", "pourcentage", "part"]
    write_csv(folder / "part_cdd.csv", ["Fap", "stat_sl", "annee", *series], [
        ("A0Z", "cdd", "2016-2018", 26.4, 0.0588, 5.88), ("A0Z", "cdd", "2017-2019", 30.1, 0.0652, 6.52),
        ("SAL", "cdd", "2017-2019", 5020.5, 0.1046, 10.46),
    ], delimiter=",", quote="text")  # fmt: skip
    write_csv(folder / "part_interim.csv", ["Fap", "stat_sl", "annee", *series], [
        ("A0Z", "int", "2016-2018", NA, NA, NA), ("A0Z", "int", "2017-2019", 3.1, 0.007, 0.7),
    ], delimiter=",", quote="text")  # fmt: skip
    write_csv(folder / "part_tempspartiel.csv", ["Fap3", "rep_tps_partiel", "annee", *series], [
        ("A0Z", 1, "2016-2018", 50.1, 0.112, 11.2), ("ENS", 1, "2017-2019", 4790, 0.1795, 17.95),
    ], delimiter=",", quote="text")  # fmt: skip
    write_csv(folder / "age_agrege_1982_1984_a_2017_2019_restructure.csv",
              ["Fap", "Annee", "Age", "effectif_age", "Pourcentage"], [
        ("A0Z", "1982-1984", "Moins de 30 ans", 265.5, 17.25), ("A0Z", "1982-1984", "De 30 à 49 ans", 610.2, 39.65),
        ("A0Z", "1982-1984", "50 ans ou plus", 663.3, 43.1), ("A0Z", "2017-2019", "Moins de 30 ans", 75.1, 17.35),
        ("A0Z", "2017-2019", "De 30 à 49 ans", 157.6, 36.4), ("A0Z", "2017-2019", "50 ans ou plus", 200.2, 46.25),
    ], delimiter=",", quote="text")  # fmt: skip
    tensions = folder / "tensions"
    write_csv(tensions / "evol_tensions.csv", ["fap", "Tension ", "Année"], [
        ("A0Z40", -0.4125, 2011), ("A0Z40", -0.0215, 2019),
    ], delimiter=",")  # fmt: skip
    header = ["fap", "Emploi moyen", "Tension ", "Catégorie Tension", *TENSION_COMPONENTS, "Année", "niveau_geo",
              "niveau_fap", "reg", "dep"]  # fmt: skip
    write_csv(tensions / "tensions.csv", header, [
        ("A0Z40", 61800, -0.0215, 3.0, 4.0, 3.0, 2.0, 5.0, 4.0, 5.0, 2019, "nat", "fap 225", "", ""),
        ("A0Z40", 3650, 0.79, 5.0, 5.0, 3.0, 3.0, 5.0, 4.0, 5.0, 2019, "reg", "fap 225", 53.0, ""),
        ("A0Z", 12000, 0.5, 4.0, 4.0, 3.0, 2.0, 5.0, 4.0, 5.0, 2019, "reg ", "fap 87", 53.0, ""),
        ("A0Z40", 870, 0.8815, 5.0, 5.0, 3.0, 3.0, 5.0, 4.0, 5.0, 2019, "dep", "fap 225", "", 35),
        ("A0Z41", 0, *[""] * 8, 2019, "dep", "fap 225", "", 35),
    ], delimiter=",")  # fmt: skip
    return folder


# -- DARES, salaires médians par FAP -----------------------------------------------------------------------------


def dares_salaries(folder):
    """The DARES median salaries: Windows-1252 (the € of the header), ';', every field quoted but ``nd``, CRLF,
    blank lines at the end; and an INSEE file beside it that is not read."""
    nd, other = Bare("nd"), "Non renseigné ou autre"
    write_csv(folder / "dares_salaire_median_fap2009_3niveaux.csv",
              ["Code Fap", "Libellé de la famille professionnelle", "Année", "Salaire médian (en €)"], [
        ("A", DOMAIN_A[1], "2003-2005", 1095), ("A", DOMAIN_A[1], "2017-2019", 1470),
        (*FAMILY_A0Z, "2017-2019", 1510), ("A0Z40", "Agriculteurs salariés", "2017-2019", 1420),
        ("Ensemble", nd, "2017-2019", 1835), ("Z", other, "2003-2005", nd), ("ZZZZZ", other, "2017-2019", 1862),
        [], [],
    ], quote="all", encoding="cp1252", eol="\r\n")  # fmt: skip
    write_csv(folder / "insee_snhm2014_commune_csp_sexe_age.csv", ["CODGEO", "LIBGEO", "SNHM14"],
              [("22004", "Bégard", 12.4)], eol="\r\n")  # fmt: skip
    return folder


# -- DARES, FAP 2021 ---------------------------------------------------------------------------------------------

FAP22 = [("A", "Agriculture, marine, pêche"), ("E", "Industries de process"), ("Q", "Banque et assurances")]
FAP86 = [("A0X", "Agriculteurs, éleveurs, sylviculteurs, bûcherons", "A"),
         ("A1X", "Maraîchers, jardiniers, viticulteurs", "A"),
         ("E3X", "Ouvriers des industries agro-alimentaires", "E"),
         ("QAX", "Cadres de la banque et des assurances", "Q")]  # fmt: skip
FAP228 = [("A0X40", "Agriculteurs", "A0X"), ("A0X41", "Eleveurs", "A0X"),
          ("A0X43", "Conducteurs d'engins agricoles ou forestiers", "A0X"),
          ("A1X41", "Jardiniers des espaces verts et naturels\xa0", "A1X"),
          ("E3X20", "Ouvriers peu qualifiés des industries agro-alimentaires", "E3X"),
          ("QAX01", "Experts de la finance", "QAX")]  # fmt: skip
FAP341 = [("A0X40", "Agriculteurs", "A0X40"), ("A0X41a", "Eleveurs de bovins ou d'équins", "A0X41"),
          ("A0X41f", "Aides d'éleveurs", "A0X41"), ("A0X43", "Conducteurs d'engins agricoles ou forestiers", "A0X43"),
          ("A1X41", "Jardiniers des espaces verts et naturels\xa0", "A1X41"),
          ("E3X20", "Ouvriers peu qualifiés des industries agro-alimentaires", "E3X20"),
          ("QAX01", "Experts de la finance", "QAX01")]  # fmt: skip
PASSAGE = (  # ROME, its label, qualification, FAP341: a few links of the crosswalk
    [("A1101", "Conduite d'engins agricoles et forestiers", q, "A0X43") for q in range(10)]
    + [("A1407", "Élevage bovin ou équin", q, "A0X41a" if q < 9 else "A0X40") for q in range(10)]
    + [("A1403", "Aide d'élevage agricole et aquacole", q, "A0X41f") for q in range(10)]
    + [("H2102", "Conduite d'équipement de production alimentaire", q, "E3X20") for q in range(10)]
)
FAP_README = [
    "Arborescence de la nomenclature des familles professionnelles FAP-2021",
    "Chaque feuille fait le lien entre le niveau indiqué et le niveau supérieur de la nomenclature FAP-2021.",
    "La dernière feuille présente tous les niveaux de la nomenclature des FAP-2021 imbriqués.",
    "Dictionnaire des codes :",
    None,
    "onglet niveau_FAP22",
    ("Code_FAP86", "Code de la FAP-2021 à 3 positions ou code de la famille professionnelle agrégée"),
    ("Intitulé_FAP86", "Intitulé de la FAP-2021 correspondant à 3 positions"),
    None,
    "Source : Dares, nomenclature des familles professionnelles 2021.",
]


def fap2021(folder):
    """The DARES FAP 2021 files: the tree workbook (Lisez-moi, one sheet a level, niveaux_emboités; labels ending
    with a no-break space, a typo in the nested sheet) and the table de passage for programs (';', Windows-1252,
    CRLF)."""
    book = openpyxl.Workbook()
    book.properties.created = datetime.datetime(2015, 6, 5, 18, 19, 34)
    readme = book.active
    readme.title = "Lisez-moi"
    for text in FAP_README:
        readme.append(list(text) if isinstance(text, tuple) else [text])
    labels = {}
    for level, rows in ((22, FAP22), (86, FAP86), (228, FAP228), (341, FAP341)):
        sheet = book.create_sheet(f"niveau_FAP{level}")
        sheet.append([f"Code_FAP{level}", f"Intitulé_FAP{level}"])
        for code, label, *_ in rows:
            sheet.append([code, label])
            labels[code] = label
    nested = book.create_sheet("niveaux_emboités")
    nested.append([f"{part}_FAP{level}" for level in (341, 228, 86, 22) for part in ("Code", "Intitulé")])
    parents = {code: parent for code, _, parent in FAP86 + FAP228}
    for code, label, c228 in FAP341:
        c86 = parents[c228]
        c22 = parents[c86]
        label228 = labels[c228].replace("Ouvriers", "Ouviers").strip()  # DARES' nested sheet has this typo
        nested.append([code, label.strip(), c228, label228, c86, labels[c86], c22, labels[c22]])
    folder.mkdir(parents=True, exist_ok=True)
    tree = folder / "Dares_Arborescence_FAP2021.xlsx"
    book.save(tree)
    set_modified(tree, "2025-07-15T09:56:27Z")
    labels = {code: label for code, label, _ in FAP341}
    write_csv(folder / "Dares_Table_passage_ROME_Qualif_to_FAP2021_pour_programme.csv",
              ["ROME", "Intitule_ROME", "Qualif", "FAP341", "Intitule_FAP341"],
              [(*row, labels[row[-1]]) for row in PASSAGE], encoding="cp1252", eol="\r\n")  # fmt: skip
    return folder


def set_modified(path, stamp):
    """openpyxl stamps the time of saving as 'modified': put the publisher's date instead."""
    with zipfile.ZipFile(path) as z:
        parts = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            z.writestr(info, data)


# -- DARES and France Stratégie, métiers en 2030 -----------------------------------------------------------------

M2030_FIELDS = ["effectifs_2019_milliers", "part_metier_region", "indice_specificite",
                "creations_destructions_milliers", "creations_destructions_pct", "departs_fin_carriere_milliers",
                "departs_fin_carriere_pct", "jeunes_debutants_milliers", "jeunes_debutants_pct",
                "solde_mobilites_inter_regions_milliers", "solde_mobilites_inter_regions_pct", "desequilibre_milliers",
                "desequilibre_pct", "postes_a_pourvoir_milliers", "postes_a_pourvoir_pct"]  # fmt: skip
J5Z = ("J5Z", "Agents administratifs et commerciaux des transports et du tourisme")
M2030 = [  # code, label, region, the figures of M2030_FIELDS, tension level
    (*J5Z, "Auvergne-Rhône-Alpes", 19.2, 0.0058, 0.88, -1.15, -0.06, 5.27, 0.274, -5.61, -0.292, 0.05, 0.0026,
     -1.49, -0.0776, 4.05, 0.211, "4"),
    (*J5Z, "Bretagne", 5.62, 0.0041, 0.64, 0.12, 0.021, 1.48, 0.263, -1.37, -0.244, -0.14, -0.025, 0.05, 0.009,
     1.62, 0.285, "1"),
    ("T4Z", "Agents d'entretien", "Nouvelle Aquitaine", 70.1, 0.03, 1.01, 2.5, 0.035, 25.0, 0.356, -11.0, -0.157,
     None, None, 16.3, 0.232, 27.5, 0.392, "hors champ"),
    ("XK_", "Artisans, Politique et Clérgé", "Bretagne", 12.5, 0.009, 1.2, -0.3, -0.024, 4.1, 0.328, -2.0, -0.16, 0.1,
     0.008, 1.9, 0.152, 3.8, 0.304, "5"),
    ("A0Z;A1Z;A2Z;A3Z", "Agriculture, sylviculture et pêche", "Corse", 5.31, 0.0395, 6.85, 0.22, 0.041, 1.69, 0.318,
     -0.93, -0.175, -0.18, -0.034, 0.8, 0.151, 1.95, 0.367, "3"),
]  # fmt: skip


def metiers_2030(folder):
    """The JSON copy of the DARES sheet (an array of records, two-space indent, no final line break)."""
    keys = ["code_fap", "fap_libelle", "region", *M2030_FIELDS, "niveau_tension_2019"]
    records = [dict(zip(keys, row, strict=True)) for row in M2030]
    write(folder / "dares_metiers_2030_regions.json", json.dumps(records, indent=2, ensure_ascii=False))
    return folder


# -- France Travail (Mobiville), FAP 2009 - PCS - ROME -----------------------------------------------------------


def rome_fap2009(folder):
    """The Mobiville copy of the FAP 2009 - PCS - ROME table: no header, ';', CRLF, no final line break, FAP filled
    down in blocks, title lines, a quoted footnote with doubled quotes and its continuation line; and a curated
    long file beside it that is not read."""
    blank = ("", "", "")
    write_csv(folder / "mobiville_table_correspondance_fap2009_pcs_rome_raw.csv", None, [
        ("A0Z40", "691e", "A1416"), blank, ("A0Z41", "691b", "A1403"), ("", "", "A1407"), blank, blank,
        ("C1Z", "Ouvriers qualifiés de l'électricité et de l'électronique", ""), blank,
        ("C1Z40", "622b", "H1504"), ("", "622a", "H2601"), ("", "622g", ""), ("", "", "H2603"), blank,
        ('  **  (ROME H1504) Les "câbleurs" sont classés ici par défaut.', "", ""),
        ("  Ce métier ROME est affecté par défaut à la famille C1Z40.", "", ""), blank,
        ("D", "Mécanique, travail des métaux *", ""), blank, ("D0Z20", "673a", "H2901"), ("", "441b", ""),
    ], eol="\r\n", final_eol=False)  # fmt: skip
    write_csv(folder / "fap2009_rome_long.csv", ["fap2009", "rome"], [("A0Z40", "A1416")], delimiter=",")
    return folder


# -- La Bonne Boîte, ROME - NAF ----------------------------------------------------------------------------------

CEREALS = ("0111Z", "Culture de céréales (à l'exception du riz), de légumineuses et de graines oléagineuses")
HIDES = ("1511Z", "Apprêt et tannage des cuirs ; préparation et teinture des fourrures")
CLEANING = ("8129B", "Autres activités de nettoyage n.c.a.")
DRIVING = ("A1101", "Conduite d'engins agricoles et forestiers")


def rome_naf(folder):
    """La Bonne Boîte's files: ',' mappings (the filtered one, with commas of ROME labels turned into ';', and the raw
    one, labels quoted), '|' label lists without quotes, a control character in a NAF label, ``#N/A``."""
    write_csv(folder / "rome_labels.csv", ["rome_id", "rome_label"], [
        DRIVING, ("A1416", "Polyculture; élevage"), ("K2204", "Nettoyage de locaux"),
        ("M1805", "Études et développement informatique"),
    ], delimiter="|")  # fmt: skip
    write_csv(folder / "naf_labels.csv", ["naf_id", "naf_label"], [
        CEREALS, HIDES, ("8129B", "Autres activités de nettoyage nca"),
        ("8899A", "Autre accueil ou accompagnement sans hébergement ?\x19enfants et d’adolescents"),
    ], delimiter="|")  # fmt: skip
    mapping = ["rome_id", "rome_label", "naf_id", "naf_label", "hirings"]
    write_csv(folder / "rome_naf_mapping.csv", mapping, [
        (*DRIVING, *CEREALS, 148), ("A1416", "Polyculture; élevage", *CEREALS, 92),
        ("K2204", "Nettoyage de locaux", *CLEANING, "#N/A"),
    ], delimiter=",")  # fmt: skip
    raw = [(*DRIVING, *CEREALS, 148), (*DRIVING, *HIDES, 9), ("A1416", "Polyculture, élevage", *CEREALS, 92),
           ("K2204", "Nettoyage de locaux", *CLEANING, "#N/A"),
           ("M1805", "Études et développement informatique", *CLEANING, 4)]  # fmt: skip
    write_csv(folder / "rome_naf_mapping.raw.csv", mapping,
              [(rome, Quoted(rome_label), naf, Quoted(naf_label), n) for rome, rome_label, naf, naf_label, n in raw],
              delimiter=",")  # fmt: skip
    tension = ["fap_code", "fap", "tension_pct", "rome_code", "rome_label"]
    drivers = ("A0Z43", "Conducteurs d'engins agricoles ou forestiers")
    write_csv(folder / "metiers_tension.csv", tension, [
        (*drivers, "58.4", "A1101", "CONDUITE D'ENGINS AGRICOLES ET FORESTIERS"),
        ("A0Z40", "Agriculteurs salariés, éleveurs", "#N/A", "A1416", "POLYCULTURE; ÉLEVAGE"),
    ], delimiter=",")  # fmt: skip
    write_csv(
        folder / "metiers_tension_2019.csv",
        tension,
        [(*drivers, "44.70", "A1101", "CONDUITE D'ENGINS AGRICOLES ET FORESTIERS")],
        delimiter=",",
    )
    return folder


# -- Liste des métiers en tension (mars 2024) --------------------------------------------------------------------

MARKET_GARDENERS = "Maraîchers; pépiniéristes exemple"


def shortage_list(folder):
    """The CSV copy of the list: CRLF, no final line break, commas of the labels turned into ';', doubled spaces,
    region names without accents, "France Entière" rows."""
    write_csv(folder / "metiers_en_tension_mars_2024.csv", ["Region", "Famille Professionnelle", "Code FAP"], [
        ("France Entière", "Agriculteurs exemple", "A0Z40"), ("France Entière", MARKET_GARDENERS, "A1Z40"),
        ("Bretagne", "Éleveurs exemple", "A0Z41"), ("Bretagne", MARKET_GARDENERS, "A1Z40"),
        ("Bretagne", "Ingénieurs  du bâtiment  exemple;  chefs  de  chantier (cadres)", "B7Z91"),
        ("Ile-de-France", "Ingénieurs et cadres d'étude; développement en informatique (exemple)", "M2Z90"),
        ("Provence-Alpes-Côte d'Azur", "Techniciens médicaux (exemple)", "V3Z70"),
    ], delimiter=",", eol="\r\n", final_eol=False)  # fmt: skip
    return folder


# -- France Travail (Mobiville), tension par bassin --------------------------------------------------------------


def tension_bassin(folder):
    """The Mobiville tension files: ';', the 2019 one in Windows-1252 with CRLF and thousands written with a
    no-break space, a bassin code that lost its leading zero, a bassin name with a trailing space, and a regional
    extract that is not read."""
    header = ["annee", "ROME", "rome_label", "cbassin", "lib_bassin_bmo19", "oee", "defm_abc", "ind_tension_d"]
    green = ("A1203", "Entretien des espaces verts")
    kitchen = ("G1602", "Personnel de cuisine")
    write_csv(folder / "tension_rome_bassin_2020.csv", header, [
        (2020, *green, 5309, "AURAY", 7, 26, 4), (2020, "D1102", "Boulangerie - viennoiserie", 5309, "AURAY", 8, 2, 5),
        (2020, *kitchen, 7532, "BORDEAUX ", 31, 14, 3), (2020, *kitchen, 101, "BASSIN BASSE-TERRE", 3, 11, 1),
        (2020, "K2204", "Nettoyage de locaux", 5314, "RENNES", 0, 17, 2),
    ])  # fmt: skip
    write_csv(folder / "tension_rome_bassin_2020_bretagne.csv", header, [(2020, *green, 5309, "AURAY", 99, 99, 1)],
              eol="\r\n")  # fmt: skip
    gardeners = "A1Z41 : Jardiniers salariés"
    write_csv(folder / "tension_fap2009_rome_bassin_2019.csv",
              ["libfap", "ROME", "fap", "annee", "oee", "defm_abc", "ind_tension_d", "cbassin", "lib_bassin_bmo19"], [
        (gardeners, "A1203", "A1Z41", 2019, 371, 205, 5, 5308, "SAINT BRIEUC"),
        (gardeners, "A1203", "A1Z41", 2019, 612, 488, 5, 5314, "RENNES"),
        ("S1Z40 : Cuisiniers", "G1602", "S1Z40", 2019, "1\xa0186", "1\xa0342", 4, 5314, "RENNES"),
    ], encoding="cp1252", eol="\r\n")  # fmt: skip
    return folder
