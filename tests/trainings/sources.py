"""Small input files of the trainings importers, written at run time by the tests in the publishers' formats.

One function a publisher's folder: ``bcn(folder)`` writes the BCN files into ``folder`` and returns it. Codes and
labels of the public nomenclatures (diplomas, RNCP and ROME codes, NSF, regions, communes) are kept where a test
needs them; establishments, their identifiers and addresses, figures, dates and publications are invented for the
tests. The long XML documents (LHÉO, ONISEP) are in ``documents.py``; the Certif Info file in ``certifinfo_file.py``.
"""

import json
import unicodedata

from tests.datafiles import Quoted, flat_xml, table, write, write_csv
from tests.trainings import documents

# -- Annuaire de l'éducation -------------------------------------------------------------------------------------

ANNUAIRE_PROVENANCE = """\
# PROVENANCE — Annuaire de l'éducation — test extract

- **What**: a few rows of the MENJ directory, for the tests (one Windows-1252 line, one UAI on two lines).
- **Source repo**: github.com/example/annuaire-copy
- **Source path**: fr-en-annuaire-education.csv
- **Commit**: 0123456789abcdef0123456789abcdef01234567 (2023-06-11)
- **Publisher**: Ministère de l'Éducation nationale
- **Licence**: not stated in the source repository; not verified here (check the publisher portal)
- **Version**: max date_maj_ligne = 2023-06-08
"""
ANNUAIRE_COLUMNS = (
    "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Adresse_2;"
    "Adresse_3;Code postal;Code_commune;Nom_commune;Code_departement;Code_academie;Code_region;Ecole_maternelle;"
    "Ecole_elementaire;Voie_generale;Voie_technologique;Voie_professionnelle;Telephone;Fax;Web;Mail;Restauration;"
    "Hebergement;ULIS;Apprentissage;Segpa;Section_arts;Section_cinema;Section_theatre;Section_sport;"
    "Section_internationale;Section_europeenne;Lycee_Agricole;Lycee_militaire;Lycee_des_metiers;Post_BAC;"
    "Appartenance_Education_Prioritaire;GRETA;SIREN_SIRET;Nombre_d_eleves;Fiche_onisep;position;Type_contrat_prive;"
    "Libelle_departement;Libelle_academie;Libelle_region;coordonnee_X;coordonnee_Y;epsg;nom_circonscription;latitude;"
    "longitude;precision_localisation;date_ouverture;date_maj_ligne;etat;ministere_tutelle;etablissement_multi_lignes;"
    "rpi_concentre;rpi_disperse;code_nature;libelle_nature;Code_type_contrat_prive;PIAL;etablissement_mere;"
    "type_rattachement_etablissement_mere;code_bassin_formation;libelle_bassin_formation"
).split(";")
ONISEP_SLUG = "https://www.onisep.fr/http/redirection/etablissement/slug/"


def establishment(uai, name, kind, sector, address, commune, contact, position, opened, nature, **more):
    """An Annuaire row of Ille-et-Vilaine: ``address`` is its three lines, ``commune`` (postcode, INSEE code, name),
    ``contact`` (phone, website, email), ``position`` (latitude, longitude, precision), ``nature`` (code, label);
    ``more``: the other columns by name."""
    latitude, longitude, precision = position
    return {
        **dict(zip(ANNUAIRE_COLUMNS[:4], (uai, name, kind, sector), strict=True)),
        **dict(zip(("Adresse_1", "Adresse_2", "Adresse_3"), address, strict=True)),
        **dict(zip(("Code postal", "Code_commune", "Nom_commune"), commune, strict=True)),
        **dict(zip(("Telephone", "Web", "Mail"), contact, strict=True)),
        "Code_departement": "035", "Code_academie": "14", "Code_region": "53", "position": f"{latitude}, {longitude}",
        "Libelle_departement": "Ille-et-Vilaine", "Libelle_academie": "Rennes", "Libelle_region": "Bretagne",
        "epsg": "EPSG:2154", "latitude": latitude, "longitude": longitude, "precision_localisation": precision,
        "date_ouverture": opened, "date_maj_ligne": "2023-06-08", "etat": "OUVERT",
        "ministere_tutelle": "MINISTERE DE L'EDUCATION NATIONALE", "etablissement_multi_lignes": "0",
        "code_nature": nature[0], "libelle_nature": nature[1], **more,
    }  # fmt: skip


def ways(general, technological, vocational):
    """The columns of the three ways of a lycée ("0", "1" or "" each)."""
    return {"Voie_generale": general, "Voie_technologique": technological, "Voie_professionnelle": vocational}


def annuaire(folder):
    """The Annuaire de l'éducation of one department: UTF-8 with BOM, ';', CRLF, one Windows-1252 line, one UAI on
    two lines, empty flags (unknown, not "no"); with the PROVENANCE.md of a copy."""
    rennes, street, lp = ("35005", "35238", "Rennes"), "Numéro de rue", ("320", "LYCEE PROFESSIONNEL")
    providence = {
        "Apprentissage": "0", "SIREN_SIRET": "77700000400011", "Nombre_d_eleves": "1105",
        "Type_contrat_prive": "CONTRAT D'ASSOCIATION TOUTES CLASSES", "etablissement_multi_lignes": "1",
    }  # fmt: skip
    malo = (("35418", "35288", "Saint-Malo"), ("02 99 00 31 99", "", "ce.0359104N@ac-rennes.fr"),
            ("48.6489", "-2.0231", street), "1980-09-01", ("306", "LYCEE POLYVALENT"))  # fmt: skip
    rows = [
        establishment(
            "0359101K", "Lycée professionnel Noël Exemple", "Lycée", "Public",
            ("12 rue des Exemples", "BP 90101", "35005 RENNES CEDEX"), rennes,
            ("02 99 00 12 34", "https://www.lycee-noel-exemple.fr", "ce.0359101k@ac-rennes.fr"),
            ("48.1153", "-1.6948", street), "1966-09-01", lp, **ways("0", "0", "1"), Apprentissage="1",
            Lycee_Agricole="0", Lycee_des_metiers="1", Post_BAC="1", GRETA="1", SIREN_SIRET="19359101000017",
            Nombre_d_eleves="640", Fiche_onisep=ONISEP_SLUG + "ENS.9101", Type_contrat_prive="SANS OBJET",
        ),
        establishment(
            "0359102L", "Ecole primaire publique des Exemples", "Ecole", "Public",
            ("4 rue DES LILAS", "", "35580 BAULON"), ("35580", "35016", "Baulon"),
            ("0299000102", "", "ecole.0359102L@ac-rennes.fr"), ("47.98123456789012", "-1.9312345678901234", "Rue"),
            "1965-10-01", ("151", "ECOLE DE NIVEAU ELEMENTAIRE"), SIREN_SIRET="21359102000011", Nombre_d_eleves="96",
            Type_contrat_prive="SANS OBJET",
        ),
        establishment(
            "0359103M", "Lycée professionnel Abbé Exemple", "Lycée", "Privé", ("8 rue de l'Exemple", "", ""),
            ("35190", "35337", "Tinténiac"),
            ("02 99 00 19 62", "http://www.lp-abbe-exemple.fr", "contact@lp-abbe-exemple.fr"),
            ("48.32654321098765", "-1.8345678901234567", street), "1977-09-06", lp, **ways("0", "0", "1"),
            Apprentissage="1", Lycee_Agricole="1", Post_BAC="0", SIREN_SIRET="77700000300013",
            Type_contrat_prive="SANS OBJET", ministere_tutelle="AGRICULTURE",
        ),
        establishment(
            "0359104N", "Lycée professionnel Institution Notre-Dame Exemple", "Lycée", "Privé",
            ("7 rue du collège", "CS 31999", ""), *malo, **ways("0", "0", "1"), **providence, Post_BAC="0",
            Fiche_onisep=ONISEP_SLUG + "ENS.9104",
        ),
        establishment(
            "0359105P", "Circonscription Exemple", "Service Administratif", "", ("3 quai DES EXEMPLES", "", ""),
            ("35000", "35238", "Rennes"), ("0299000105", "", ""),
            ("48.11234567890123", "-1.6712345678901234", "Ville"), "1971-03-18",
            ("809", "CIRCONSCRIPTIONS INSPECTION EDUC NAT"),
        ),
        establishment(
            "0359104N", "Lycée polyvalent Institution Notre-Dame Exemple (annexe)", "Lycée", "Privé",
            ("7 rue du Collège", "CS 31999", ""), *malo, **ways("1", "1", "0"), **providence, Post_BAC="1",
            Fiche_onisep=ONISEP_SLUG + "ENS.9105",
        ),
    ]  # fmt: skip
    lines = table(ANNUAIRE_COLUMNS, rows)
    lines[3] = lines[3].encode("cp1252")  # a line the publisher left in Windows-1252
    write(folder / "fr-en-annuaire-education_dept035.csv", lines, eol="\r\n", bom=True)
    write(folder / "PROVENANCE.md", ANNUAIRE_PROVENANCE)
    return folder


# -- BCN (Base centrale des nomenclatures) -----------------------------------------------------------------------

DIPLOMA_START = ["FORMATION_DIPLOME", "NIVEAU_FORMATION_DIPLOME", "GROUPE_SPECIALITE", "LETTRE_SPECIALITE",
                 "ANCIEN_RECME", "LIBELLE_COURT", "LIBELLE_STAT_33", "LIBELLE_LONG_200", "DATE_OUVERTURE",
                 "DATE_FERMETURE"]  # fmt: skip
DIPLOMA_SESSIONS = ["UNITE_CAPITALISABLE", "DATE_PREMIERE_SESSION", "DATE_DERNIERE_SESSION", "DATE_ARRETE_CREATION",
                    "DATE_ARRETE_ABROGATION", *(f"DATE_ARRETE_MODIFICATION_{i}" for i in range(1, 11)),
                    "COMMENTAIRE", "NATURE_FORMATION_DIPLOME", "GESTIONNAIRE_FORMATION_DIPLOME",
                    "DATE_INTERVENTION"]  # fmt: skip
N_DIPLOMA = [*DIPLOMA_START, *(f"{kind}_DIPLOME_{i}" for kind in ("ANCIEN", "NOUVEAU") for i in range(1, 8)),
             *DIPLOMA_SESSIONS, "NB_MEF_OUVERT", "NB_MEF_FERME", "ID_DOCUMENT", "CITE_DOMAINE_FORMATION",
             "DATE_SESSION_RATTRAPAGE", "OBSERVATION", "N_COMMENTAIRE", "CITE_DOMAINE_DETAILLE",
             "NIVEAU_QUALIFICATION_RNCP"]  # fmt: skip
V_DIPLOMA = [*DIPLOMA_START, *DIPLOMA_SESSIONS, "ID_DOCUMENT", "CITE_DOMAINE_FORMATION", "NIVEAU_QUALIFICATION_RNCP"]
MEF = ["MEF", "DISPOSITIF_FORMATION", "FORMATION_DIPLOME", "DUREE_DISPOSITIF", "ANNEE_DISPOSITIF", "LIBELLE_COURT",
       "LIBELLE_LONG", "DATE_OUVERTURE", "DATE_FERMETURE", "STATUT_MEF", "NB_OPTION_OBLIGATOIRE",
       "NB_OPTION_FACULTATIF", "RENFORCEMENT_LANGUE", "DUREE_PROJET", "DUREE_STAGE", "HORAIRE",
       "MEF_INSCRIPTION_SCOLARITE", "MEF_STAT_11", "MEF_STAT_9", "DATE_INTERVENTION", "LIBELLE_EDITION",
       "N_COMMENTAIRE"]  # fmt: skip
LEVEL = ["NIVEAU_FORMATION_DIPLOME", "NIVEAU_INTERMINISTERIEL", "LIBELLE_COURT", "LIBELLE_100", "ANCIEN_NIVEAU",
         "DATE_OUVERTURE", "DATE_FERMETURE", "DATE_INTERVENTION", "N_COMMENTAIRE",
         "NIVEAU_QUALIFICATION_RNCP"]  # fmt: skip


def diploma(cfd, level, specialty, short, stat, label, opened, nature, manager, changed, cite, rncp, **more):
    """A row of the BCN's diploma tables; ``specialty`` is the group and its letter ("224S")."""
    return {
        "FORMATION_DIPLOME": cfd, "NIVEAU_FORMATION_DIPLOME": level, "GROUPE_SPECIALITE": specialty[:3],
        "LETTRE_SPECIALITE": specialty[3:], "LIBELLE_COURT": short, "LIBELLE_STAT_33": stat, "LIBELLE_LONG_200": label,
        "DATE_OUVERTURE": opened, "NATURE_FORMATION_DIPLOME": nature, "GESTIONNAIRE_FORMATION_DIPLOME": manager,
        "DATE_INTERVENTION": changed, "CITE_DOMAINE_FORMATION": cite, "NIVEAU_QUALIFICATION_RNCP": rncp, **more,
    }  # fmt: skip


def mef(code, device, cfd, duration, year, short, label, opened, status, stat11, changed, edition, **more):
    return {
        "MEF": code, "DISPOSITIF_FORMATION": device, "FORMATION_DIPLOME": cfd, "DUREE_DISPOSITIF": duration,
        "ANNEE_DISPOSITIF": year, "LIBELLE_COURT": short, "LIBELLE_LONG": label, "DATE_OUVERTURE": opened,
        "STATUT_MEF": status, "RENFORCEMENT_LANGUE": "N", "HORAIRE": "O", "MEF_INSCRIPTION_SCOLARITE": "O",
        "MEF_STAT_11": stat11, "MEF_STAT_9": stat11[:9], "DATE_INTERVENTION": changed, "LIBELLE_EDITION": edition,
        **more,
    }  # fmt: skip


def bcn(folder):
    """The BCN tables: unquoted ';' (a leading quote is a character), nFormationDiplome_ in Windows-1252, the
    others in UTF-8, with a BOM for nMef and vFormationDiplome_; a diploma in both diploma tables, some in one."""
    cap = ("50022425", "500", "224S", "CAP", "ARTS TECHNIQUES VERRE VITRAILLISTE",
           "ARTS ET TECHNIQUES DU VERRE OPTION VITRAILLISTE (CAP)", "01/09/2019", "1", "DGESCO A2-3")  # fmt: skip
    both = [
        diploma("32031213", "320", "312T", "BTS", "MANAGEMENT COMMERCIAL OPERATIONNEL",
                "MANAGEMENT COMMERCIAL OPERATIONNEL (BTS)", "01/09/2019", "1", "DGESIP A2", "10/12/2020", "416", "05",
                DATE_PREMIERE_SESSION="2021"),
        diploma("46321218", "463", "212S", "CSA NIV4", "APICULTURE", "APICULTURE (CSA)", "01/09/2017", "2",
                "DGER AGRI", "06/01/2021", "621", "04", DATE_PREMIERE_SESSION="2018"),
        diploma("01022001", "010", "220R", "MC4", "AGT CONTROL.NON DESTRUCTIF (MC4)",
                "AGENT DE CONTROLE NON DESTRUCTIF (MC NIVEAU IV)", "01/09/1995", "1", "DGESCO A2-3", "06/01/2024",
                "520", "04", DATE_FERMETURE="31/08/2024", NOUVEAU_DIPLOME_1="46122001", DATE_PREMIERE_SESSION="1996",
                DATE_DERNIERE_SESSION="2024", COMMENTAIRE="CRÉATION EX NIHILO."),
    ]  # fmt: skip
    write_csv(folder / "nFormationDiplome_.csv", N_DIPLOMA, [
        diploma(*cap, "22/07/2025", "214", "03", ANCIEN_DIPLOME_1="50022410", ANCIEN_DIPLOME_2="5002241",
                DATE_PREMIERE_SESSION="2021"),
        *both,
        diploma("46033206", "463", "332T", "CSA NIV4", "CONDUITE ELEVAGE CANIN", "CONDUITE D'UN ELEVAGE CANIN (CSA)",
                "01/09/2025", "2", "DGER AGRI", "29/08/2025", None, "04"),
    ], quote="none", encoding="cp1252")  # fmt: skip
    write_csv(folder / "vFormationDiplome_.csv", V_DIPLOMA, [
        diploma(*cap, "15/03/2025", "214", "03", DATE_PREMIERE_SESSION="2021"),
        *both,
        diploma("25031088", "250", "310M", "LIC-PRO", "METIERS DE LA QUALITE", "METIERS DE LA QUALITE (LP LIMOGES)",
                "01/09/2016", "1", "DEPPA1", "10/12/2020", "345", "06", DATE_FERMETURE="31/08/2025"),
        diploma("26X31245", "26X", "312M", "TH1-X", "MANAGER COMMUNICATION MARKETING",
                "MANAGER DE LA COMMUNICATION MARKETING INTEGREE (FORMATIVES)", "01/09/2022", "2", "DEPPA1",
                "10/12/2020", "342", "07", COMMENTAIRE='"Titre RNCP" enregistré sur demande'),
    ], quote="none", bom=True)  # fmt: skip
    glass = ("ARTS TECHNIQ VERRE VITRAILLISTE", "arts et techniques du verre vitrailliste")
    write_csv(folder / "nMef.csv", MEF, [
        *(mef(f"250224252{y}", "250", "50022425", "2", str(y), f"{y}CAP2 22425", f"{y}CAP2  {glass[0]}",
              "01/09/2019", "3", f"2472002242{6 - y}", "26/04/2023", f"{y}cap2 {glass[1]}") for y in (1, 2)),
        mef("3113121321", "311", "32031213", "2", "1", "1BTS2 31213", "1BTS2  MANAGEMENT COMMERCIAL OPERATIONNEL",
            "01/09/2019", "3", "31120031213", "26/04/2023", "1bts2 management commercial opérationnel",
            N_COMMENTAIRE="GH1"),
        mef("2772121899", "277", "46321218", "9", "9", "CSA4  21218", "CSA4   APICULTURE", "01/01/2024", "4",
            "33200021218", "07/05/2024", "Csa4 apiculture", N_COMMENTAIRE="mefs apprentissage et FPC"),
        mef("2543340421", "254", "01022001", "1", "1", "MC4   22001", "MC4 AGENT CONTROLE NON DESTRUCTIF",
            "01/09/1995", "3", "25110022001", "26/11/2024", "mc4 agent de contrôle non destructif",
            DATE_FERMETURE="31/08/2024"),
    ], quote="none", bom=True)  # fmt: skip
    write_csv(folder / "nNiveauFormationDiplome_.csv", LEVEL, [
        ("500", "5", "CAP", "CERTIFICAT D'APTITUDE PROFESSIONNELLE", "51", "01/08/1996", "", "10/12/2020", "", "03"),
        ("320", "3", "BTS", "BREVET DE TECHNICIEN SUPERIEUR", "", "01/08/1996", "", "10/12/2020", "", "05"),
        ("010", "4", "MC4", "MENTION COMPLEMENTAIRE", "", "", "", "10/12/2020", "", "XX"),
        ("463", "4", "CSA NIV4", "CERTIFICAT DE SPECIALISATION AGRICOLE DE NIVEAU 4", "", "", "", "10/12/2020", "",
         "04"),
        ("250", "2", "LIC-PRO", "LICENCE PROFESSIONNELLE", "", "", "", "10/12/2020", "", "06"),
        ("967", "9", "BAFD", "BREVET D'APTITUDE AUX FONCTIONS DE DIRECTEUR", "", "", "", "15/11/2021",
         "Création à la demande du bureau des examens", "00"),
    ], quote="none")  # fmt: skip
    return folder


# -- InserJeunes -------------------------------------------------------------------------------------------------

IJ_REGION = ["id", "millesime", "code_region_ij", "code_region", "voie", "cfd", "mefstat11", "nb_annee_term",
             *(f"nb_en_emploi_{m}_mois" for m in (12, 18, 24, 6)), "nb_poursuite_etudes", "nb_sortant",
             *(f"taux_emploi_{m}_mois" for m in (12, 18, 24, 6)), "taux_poursuite_etudes"]  # fmt: skip
DEPP_EARLY = ["n°UAI de l'établissement", "Libellé de l'établissement", "Région", None, None, "Taux", "Taux attendu",
              "Valeur ajoutée"]  # fmt: skip
DEPP_2022 = ["n°UAI de l'établissement", "Libellé de l'établissement", "Région", "Taux de poursuite d'études", "Taux",
             "Taux attendu", "Valeur ajoutée"]  # fmt: skip
DEPP_SHARES = ["Part en poursuite d'études", "Part en emploi 6 mois après la sortie", "Part des autres situations"]
CFA = ["Année", "UAI", "Libellé", "Région", "DEVENIR Part poursuite études", "DEVENIR Part en emploi 6 mois",
       "DEVENIR Part autre situation 6 mois", "Part contrats apprentissage interrompus", "Taux poursuite études",
       "Taux emploi 6 mois", "Taux emploi 6 mois attendu", "VA emploi 6 mois", "Taux emploi 12 mois",
       "Taux emploi 18 mois", "Taux emploi 24 mois", "num_ligne"]  # fmt: skip
LP = ("0359101K", "Lycée professionnel Noël Exemple", "BRETAGNE")
AIN_CFA = ("0019002B", "Centre de Formation d'Apprentis Exemple de l'Ain", "AUVERGNE-RHONE-ALPES")
TRADES_CFA = ("0359106Q", "CFA Exemple des métiers", "BRETAGNE")
ND = ["nd"] * 7


def ij_provenance(folder, title, *fields):
    """The PROVENANCE.md of a copy of InserJeunes files: ``fields`` are its ("Source repo", "…") lines."""
    lines = [
        f"# PROVENANCE — {title} (test files)",
        "",
        "- **What**: small files written for Hent's tests, in the format of the copy below.",
        *(f"- **{name}**: {value}" for name, value in fields),
        "- **Licence**: not stated in the source repository; not verified here (check the publisher portal)",
    ]
    write(folder / "PROVENANCE.md", lines)


def inserjeunes(folder):
    """The InserJeunes files, one folder a dataset: by region and training (BOM, ';'), by establishment (the DEPP
    files in their four header layouts: quoted with blank column names, CRLF with trailing spaces, "nd" for masked
    values), by CFA (BOM, CRLF, decimals written "30.0"); each with the PROVENANCE.md of its copy."""
    region = folder / "region-formation"
    ij_provenance(region, "InserJeunes — insertion by region × formation",
                  ("Source repo", "github.com/mission-apprentissage/tjp-pilotage (Orion)"),
                  ("Source path", "server/static/files/ij_region_data.csv"),
                  ("Commit", "5b5e68acf420f5fd94a19c5ffb284b742573810e (2025-01-22, branch commit)"))  # fmt: skip
    write_csv(region / "ij_region_data.csv", IJ_REGION, [
        ("2019_2020_03_scolaire_32221022710", "2019_2020", "03", "53", "scolaire", "", "32221022710", 47, 14, 15, 16,
         16, 19, 28, 50, 54, 57, 57, 40),
        ("2019_2020_03_apprentissage_32020008", "2019_2020", "03", "53", "apprentissage", "32020008", "", 12, 7, 7, 7,
         7, 4, 7, "", "", "", "", ""),
        ("2022_2023_03_apprentissage_36C3120V", "2022_2023", "03", "53", "apprentissage", "36C3120V", "", 38, "", "",
         "", "", 0, "", "", "", "", "", 0),
        ("2022_2023_10_scolaire_23830025007", "2022_2023", "10", "11", "scolaire", "", "23830025007", 1180, 201, "",
         "", 172, 655, 530, 38, "", "", 32, 56),
        ("2021_2022_01_apprentissage_50022137", "2021_2022", "01", "84", "apprentissage", "50022137", "", 118, 69, "",
         "", 62, 31, 88, 78, "", "", 70, 26),
    ], bom=True)  # fmt: skip
    depp = folder / "etablissements-depp"
    ij_provenance(
        depp,
        'DEPP "valeur ajoutée" InserJeunes by établissement',
        ("Source repo", "github.com/mission-apprentissage/trajectoires-pro"),
        ("Commit", "last commit containing them: 2b7a517b0a6bbdee4d2d636dc5f1512a808c3fec (2025-11-13)"),
    )
    write_csv(depp / "depp-2022-etablissements-2018_2019-pro.csv", [*DEPP_EARLY, None, None, None], [
        ("0019001A", "Lycée professionnel Alexandre Exemple", "AUVERGNE-RHONE-ALPES", "ensemble", 48, 46, 42, 4, 50,
         54, 57),
        (*LP, "ensemble", 37, 56, 47, 9, 51, 53, 55),
        (*LP, "dont élèves en voie pro sco", 37, 55, 46, 9, 51, 54, 53),
        (*LP, "dont apprentis", *[None] * 7),
    ], quote="text")  # fmt: skip
    write_csv(depp / "depp-2022-etablissements-2019_2020-apprentissage.csv", [*DEPP_EARLY, None], [
        (*AIN_CFA, None, 41, 63, 60, 3, 70), (*TRADES_CFA, None, 42, 68, 73, -5, 77),
    ], quote="text")  # fmt: skip
    write_csv(depp / "depp-2022-etablissements-2022_2023-pro.csv",
              [*DEPP_2022[:3], "Dont apprentis en EPLE", *DEPP_2022[3:], *DEPP_SHARES],
              [(*LP, "ensemble", 45, 47, 44, 3, 45, 26, 29), (*LP, "dont apprentis", *ND)], eol="\r\n")  # fmt: skip
    write_csv(depp / "depp-2022-etablissements-2022_2023-apprentissage.csv",
              [*DEPP_2022, *(f"{name} " for name in DEPP_SHARES)], [
        ("0019002B", "Organisme de formation-Centre de formation d'apprentis EXEMPLE DE L'AIN", AIN_CFA[2], 43, 71,
         68, 3, 43, 40, 17),
        (*TRADES_CFA, 39, 81, 78, 3, 39, 49, 12), ("9719001C", "CFA Exemple de Guadeloupe", "GUADELOUPE", *ND),
    ], eol="\r\n")  # fmt: skip
    cfa = folder / "cfa"
    ij_provenance(
        cfa,
        "InserJeunes Apprentissage par CFA",
        ("Source repo", "github.com/HugoSRagain/AnalyseCFA-DonneesInserJeunes"),
        ("Commit", "21ffc06483fe0d8c448d8e63c38dcd8ece262579 (2026-04-24)"),
    )
    write_csv(cfa / "fr-en-inserjeunes-cfa.csv", CFA, [
        ("cumul 2023-2024", "0639001D", "Cours Exemple de Coiffure, Clermont-Ferrand", "AUVERGNE-RHONE-ALPES", "31.0",
         "56.0", "13.0", "", "31.0", "82.0", "74.0", "8.0", "72.0", "", "", "10002.0"),
        ("cumul 2018-2019", *AIN_CFA, "", "", "", "39", "37.0", "66.0", "64.0", "2.0", "69.0", "70.0", "72.0",
         "533.0"),
        ("cumul 2023-2024", *TRADES_CFA, "39.0", "46.0", "15.0", "", "39.0", "75.0", "76.0", "-1.0", "84.0", "", "",
         "8559.0"),
        ("cumul 2022-2023", *TRADES_CFA, *[""] * 11, "8560.0"),
        ("cumul 2023-2024", "0299007E", "CFA Exemple de l'Iroise", "BRETAGNE", "43.0", "35.0", "22.0", "", "43.0",
         "62.0", "66.0", "-4.0", "72.0", "", "", "10010.0"),
    ], eol="\r\n", bom=True)  # fmt: skip
    return folder


# -- Kit apprentissage -------------------------------------------------------------------------------------------

KIT = ["Code Diplôme", "Intitulé diplôme (DEPP)", "FicheRNCP", "Niveau fiche RNCP", "Abrégé de diplôme (RNCP)",
       "Dernière MaJ", "Accès à l'apprentissage de la fiche RNCP (oui/non)", "Date d'échéance de la fiche RNCP",
       "Fiche ACTIVE/INACTIVE", "Intitulé certification (RNCP)", "Type d'enregistrement",
       "Date de publication de la fiche\n (enregistrement de droit)", "Date de décision\n (enregistrement sur demande)",
       "Date de début des parcours certifiants\n\n(enregistrement de droit)", "Date limite de la délivrance",
       "Nouvelle Certification rempla (RNCP)", "Ancienne Certification (RNCP)"]  # fmt: skip


def kit(folder):
    """The Kit apprentissage: ';', UTF-8, column names on several lines, "NR" for not stated, NFD accents."""
    by_right, on_request = "Enregistrement de droit", "Enregistrement sur demande"
    cnam = unicodedata.normalize("NFD", "Titre ingénieur - Ingénieur diplômé du Conservatoire national des arts et "
                                        "métiers")  # fmt: skip
    write_csv(folder / "Kit_apprentissage_20240101.csv", KIT, [
        ("25031088", "METIERS DE LA QUALITE (LP EXEMPLE)", "RNCP30199", "Niveau 6", "Licence Professionnelle", "v1.0",
         "oui", "30/06/2026", "ACTIVE", "Licence Professionnelle - Métiers de la qualité (fiche exemple)", by_right,
         "", "", "", "", "", ""),
        ("45033104", "PREPARATEUR EN PHARMACIE (BP)", "RNCP37390", "Niveau 4", "BP", "v2.9", "oui", "31/08/2027",
         "ACTIVE", "BP - Préparateur en pharmacie", by_right, "", "", "", "", "", "RNCP1090"),
        ("16X31245", "MANAGER DE LA COMMUNICATION EXEMPLE (ECOLE EXEMPLE)", "RNCP36790", "Niveau 7", "", "v2.7", "oui",
         "15/09/2026", "ACTIVE", "Manager de la communication exemple", on_request, "", "15/09/2023", "", "", "",
         "RNCP32190"),
        ("50022425", "ARTS ET TECHNIQUES DU VERRE OPTION VITRAILLISTE (CAP)", "RNCP37302", "Niveau 3", "CAP", "v2.9",
         "oui", "31/08/2028", "ACTIVE", "CAP - Arts et techniques du verre option Vitrailliste", by_right,
         "24/09/2021", "", "01/09/2021", "", "", "RNCP525|RNCP521|"),
        ("26X99999", "CERTIFICATION SANS FICHE", *["NR"] * 2, "", "CI-09112023", *["NR"] * 6, "", "", *["NR"] * 3),
        ("36X20001", "RESPONSABLE DE PRODUCTION (ACME)", "RNCP31000", "Niveau 5", "", "v2.1", "non", "30/04/2024",
         "INACTIVE", "Responsable de production", on_request, "", "30/04/2019", "", "30/04/2024",
         "RNCP38542|RNCP38543", ""),
        ("1703210A", "INGENIEUR DIPLOME DU CNAM SPECIALITE INFORMATIQUE", "RNCP35000", "Niveau 7", "Titre ingénieur",
         "v2.3", "oui", "01/09/2026", "ACTIVE", cnam, by_right, "14/10/2021", "", "01/09/2021", "", "", ""),
    ])  # fmt: skip
    return folder


# -- Parcoursup (unofficial copy) --------------------------------------------------------------------------------

PARCOURSUP_PROVENANCE = """\
# PROVENANCE — Parcoursup formations list — UNOFFICIAL reduced copy (test extract)

- **Source repo**: github.com/example/parcoursup-copy
- **Source path**: "fr-esr-parcoursup .csv" (note the space before .csv)
- **Commit**: 45e11436fd19ab9976c160b5f82d2be244f6c65b (2026-01-23)
- **Publisher**: originally MESR (Parcoursup open data) but this copy was modified by the repo author
- **Licence**: not stated in the source repository; not verified here (check the publisher portal)
"""
PARCOURSUP = ["Statut de l’etablissement de la filiere de formation (public, prive…)", "Code UAI de l etablissement",
              "etablissement", "Region de l’etablissement", "Filiere de formation",
              "Coordonnées GPS de la formation"]  # fmt: skip


def parcoursup(folder):
    """The unofficial copy of the Parcoursup list: ',', "lat, lon" text, repeated (UAI, filière) pairs, empty
    positions, a programme abroad; its file name has a space before ".csv"."""
    faculty = ("Prive enseignement superieur", "0499001F", "Faculte libre Exemple   ANGERS", "Pays de la Loire")
    university = (
        "Public",
        "0499002G",
        "Universite Exemple Angers",
        "Pays de la Loire",
        "Licence   Portail Psychologie",
    )
    write_csv(folder / "fr-esr-parcoursup .csv", PARCOURSUP, [
        (*faculty, "ARS Annee de Remise à Niveau Scientifique", "47.4651, -0.54712"),
        (*faculty, "Licence   Portail Lettres", "47.4651, -0.54712"),
        (*faculty, "Licence   Portail Lettres", "47.4651, -0.54712"),
        (*university, "47.47911, -0.60288"), (*university, "47.4793, -0.60285"),
        ("Public", "0359107R", "Lycee Exemple Rennes", "Bretagne", Quoted("BTS   Services   Comptabilite et gestion"),
         "48.12045, -1.70312"),
        ("Prive sous contrat d association", "0359108S", "Lycee Sainte Exemple", "Bretagne",
         Quoted("Certificat de Specialisation   Production et reparation de produits electroniques"), ""),
        ("Prive hors contrat", "T179001U", "Ecole d ingenieurs Exemple Casablanca (Maroc)", "",
         "Formation d ingenieur Bac + 5   Bacs generaux, specialite Maths", "33.5601, -7.6288"),
    ], delimiter=",")  # fmt: skip
    write(folder / "PROVENANCE.md", PARCOURSUP_PROVENANCE)
    return folder


# -- RNCP (France compétences, extracts of 2021) -----------------------------------------------------------------


def rncp(folder):
    """The RNCP 2021 extracts: Windows-1252, ';', unquoted but for some titles (with line breaks and a CR inside),
    doubled apostrophes in the ROME labels, repeated rows, "NR"; codes_diplomes ends without a line break."""
    published, by_right, on_request = "Publiée", "Enregistrement de droit", "Enregistrement sur demande"
    textile = Quoted("Innovation textile - Option A : structures        \n        ou Option B : traitements\r")
    languages = Quoted("ARTS, LETTRES, LANGUES à finalité recherche et professionnelle Mention LANGUES "
                       "ÉTRANGÈRES APPLIQUÉES Spécialité JAPONAIS EXEMPLE\r")  # fmt: skip
    management = Quoted("Responsable opérationnel(le) de gestion")
    stone = Quoted("Métiers de la pierre")
    bts = ("ACTIVE", published, "niveau5", "BTS", "Brevet de technicien supérieur")
    options = {"quote": "none", "encoding": "cp1252"}
    write_csv(folder / "rncp_info.v1.4.csv", [
        "CodeRNCP", "intituleDiplome", "date_fin_validite_enregistrement", "ActiveInactive", "EtatFiche",
        "NiveauEurope", "CodeTypeCertif", "TypeCertif", "AncienneFiche", "NouvelleFiche", "TypeEnregistrement",
    ], [
        ("RNCP1000", stone, "8/31/16", "INACTIVE", published, "niveau4", "BP", "Brevet professionnel", "", "RNCP32230",
         by_right),
        ("RNCP10000", languages, "", "INACTIVE", published, "niveau7", "MASTER", "Master", "", "", by_right),
        ("RNCP20675", textile, "6/30/24", *bts, "RNCP1092", "", by_right),
        ("RNCP20675", textile, "6/30/24", *bts, "RNCP1094", "", by_right),
        ("RNCP28688", management, "7/19/20", "INACTIVE", published, "niveau6", "", "", "", "RNCP34734", on_request),
        ("RNCP28688", management, "7/19/20", "INACTIVE", published, "niveau6", "", "", "", "RNCP34581", on_request),
        ("RNCP32230", stone, "", "ACTIVE", published, "niveau4", "BP", "Brevet professionnel", "RNCP1000", "",
         by_right),
        ("RNCP34001", Quoted("Gestionnaire d'unité commerciale"), "12/31/24", "ACTIVE", published, "niveau5", "", "",
         "", "", on_request),
    ], **options)  # fmt: skip
    write_csv(folder / "rncp_rome.v1.4.csv", ["CodeRNCP", "EtatFiche", "Rome", "libelle", "", ""], [
        ("RNCP34001", "", "A1101", "Conduite d''engins agricoles et forestiers", "", ""),
        ("RNCP34001", "", "N2201", "Personnel d''escale aéroportuaire", "", ""),
        ("RNCP1000", "", "F1604", "Montage de structures métalliques", "", ""),
        ("RNCP32230", "", "F1604", "Montage de structures métalliques", "", ""),
        ("RNCP10000", "", "K21", "Formation initiale et continue", "", ""),
    ], **options)  # fmt: skip
    building = ("232", "Bâtiment : construction et couverture", "", "")
    foreign = ("RNCP10000", "136", "Langues vivantes, civilisations étrangères et régionales", "", "")
    write_csv(folder / "rncp_nsf.v1.4.csv", ["CodeRNCP", "code", "Libelle", "", ""], [
        ("RNCP1000", *building), foreign, foreign, foreign,
        ("RNCP20675", "224t", "Matériaux souples : conception", "", ""),
        ("RNCP28688", "31", "Echanges et gestion", "", ""), ("RNCP32230", *building),
        ("RNCP34001", "312", "Commerce, vente", "", ""),
    ], **options)  # fmt: skip
    ministry = "MINISTERE DE L'EDUCATION NATIONALE"
    write_csv(folder / "rncp_certificateurs.v1.4.csv", ["CodeRNCP", "Certificateur", "siret_organisme", ""], [
        ("RNCP1000", ministry, "", ""), ("RNCP10000", "Ministère chargé de l'enseignement supérieur", "", ""),
        ("RNCP10000", "Université Exemple - Montpellier", "", ""),
        ("RNCP20675", "Ministère de l’Éducation nationale", "11000000000013", ""),
        ("RNCP28688", 'I P L "ECOLE EXEMPLE PARIS LILLE"', "49300000000017", ""), ("RNCP32230", ministry, "", ""),
        ("RNCP34001", "", "", ""),
    ], **options)  # fmt: skip
    school = "PROGRAMME GRANDE ECOLE DE L'ECOLE EXEMPLE DE COMMERCE"
    write_csv(folder / "codes_diplomes.v1.4.csv", [
        "CodeDiplome", "Intitule", "CodeRNCP", "Niveau2019", "type", "DerniereMaJ", "Fiche RNCP active/inactive",
    ], [
        ("1022103", "EMPLOYE TRAITEUR EXEMPLE (MC NIVEAU V)", "RNCP958", "niveau3", "MC5", "v1.0", "ACTIVE"),
        ("45023306", "METIERS DE LA PIERRE (BP)", "RNCP32230", "niveau4", "BP", "v1.2", "ACTIVE"),
        ("16531217", school, "RNCP28688", "niveau6", "DipViGrM", "v1.0", "INACTIVE"),
        ("16531217", school, "RNCP28688", "niveau6", "DipViGrM", "v1.3", "INACTIVE"),
        ("46J3350A", "BREVET D'ETAT D'EDUCATEUR SPORTIF 1ER DEGRE TOUTES OPTIONS (BEES 1)", "NR", "niveau4", "BEES",
         "v1.0", "NR"),
        (Quoted("32022405"), Quoted("INNOVATION TEXTILE OPTION A : STRUCTURES \nOPTION B : TRAITEMENTS (BTS)"),
         "RNCP20675", "niveau5", "BTS", "v1.0", "ACTIVE"),
        ("32031213", "MANAGEMENT COMMERCIAL OPÉRATIONNEL (BTS)", "RNCP34001", "niveau5", "BTS", "v1.4", "ACTIVE"),
    ], final_eol=False, **options)  # fmt: skip
    return folder


# -- ONISEP ------------------------------------------------------------------------------------------------------

LYCEES_PROVENANCE = """\
# PROVENANCE — test files in the format of ONISEP's lycée teachings (Idéo)

- **What**: small files written for Hent's tests, in the publisher's format.
- **Publisher**: ONISEP
- **Licence**: not stated in the source repository; not verified here (check the publisher portal)
- **Version**: as committed 2025-11-16
"""
LYCEE_FIELDS = ["identifiant_et_fiche_onisep_lieu_de_cours", "uai_lieu_de_cours", "libelle_lieu_de_cours",
                "adresse_lieu_de_cours", "boite_postale_lieu_de_cours", "code_postal_lieu_de_cours",
                "commune_lieu_de_cours", "departement_lieu_de_cours", "region_lieu_de_cours",
                "academie_lieu_de_cours"]  # fmt: skip
LYCEES = {  # ONISEP id: uai, name, address, PO box, postcode, commune, department, region, academy
    "ENS.9411": ("0299001H", "Lycée Exemple - Kerbrest", "12 bis rue des Exemples", "BP 90012", "29801", "Brest",
                 "Finistère", "Bretagne", "Rennes"),
    "ENS.3275": ("0289001J", "Lycée Émile Exemple", "3 rue de l'Exemple", "", "28205", "Châteaudun", "Eure-et-Loir",
                 "Centre-Val de Loire", "Orléans-Tours"),
    "ENS.16794": ("", "Lycée polyvalent Exemple de la mer - annexe de Biganos", "5 rue du Port-Exemple", "", "33380",
                  "Biganos", "Gironde", "Nouvelle-Aquitaine", "Bordeaux"),
    "ENS.2001": ("6209001K", "Lycée Exemple d'Ajaccio", "Avenue de l'Exemple", "", "20000", "Ajaccio", "Corse-du-Sud",
                 "Corse", "Corse"),
}  # fmt: skip


def lycee_teachings(column, actions):
    """ONISEP's list of one kind of teaching: an item per (action, lycée), with the lycée's fields."""
    return flat_xml(
        {"identifiant_action_de_formation": action, column: teachings,
         LYCEE_FIELDS[0]: ONISEP_SLUG + lycee, **dict(zip(LYCEE_FIELDS[1:], LYCEES[lycee], strict=True))}
        for action, teachings, lycee in actions
    )  # fmt: skip


def onisep_lycees(folder):
    """ONISEP's two lists of teachings per lycée GT, each on one line; with the PROVENANCE.md that dates them."""
    write(folder / "ideo-enseignements_de_specialite_de_premiere_generale.xml", lycee_teachings(
        "enseignements_de_specialite_de_classe_de_1ere_generale", [
            ("AF.17873", "mathématiques / physique-chimie / LLCER breton / arts : cinéma - audiovisuel", "ENS.9411"),
            ("AF.17886", "sciences économiques et sociales / humanités, littérature et philosophie", "ENS.3275"),
            ("AF.35104", "sciences de la vie et de la Terre", "ENS.16794"),
            ("AF.130879", "", "ENS.2001"),
        ]))  # fmt: skip
    write(folder / "ideo-enseignements_optionnels_de_seconde_generale_et_technologique.xml", lycee_teachings(
        "enseignements_optionnels_et_langues_de_classe_de_2nde_gt", [
            ("AF.88294", "Arts : arts plastiques / Langues et cultures de l'Antiquité : latin / LV1 : anglais / LV2 : "
                         "espagnol, allemand, breton / Chinois", "ENS.9411"),
            ("AF.32885", "Management et gestion / Éducation physique et sportive", "ENS.3275"),
            ("AF.48442", "Sciences et laboratoire", "ENS.16794"),
        ]))  # fmt: skip
    write(folder / "PROVENANCE.md", LYCEES_PROVENANCE)
    return folder


METIER_LIST_FIELDS = ["libelle_metier", "lien_site_onisepfr", "nom_publication", "collection", "annee", "gencod",
                      "gfe", "code_rome", "libelle_rome", "lien_rome", "domainesous-domaine"]  # fmt: skip
METIER_SLUG = "https://www.onisep.fr/http/redirection/metier/slug/"
BUYER = ("acheteur / acheteuse", "MET.571")
BUYER_DETAILS = ("GFE Q : commerce, gestion, finances", "M1101", "Achat",
                 "commerce, marketing, vente/achat, approvisionnement")  # fmt: skip
BREEDER = ("responsable d'élevage agricole", "MET.362", "Les métiers de la terre (exemple)", "Parcours", 2024,
           9782000000401, "GFE A : agriculture", "A1407 | A1409",
           "Élevage bovin ou équin | Élevage de lapins et volailles")  # fmt: skip


def metier_list(rows, rome_url):
    """Records of the Idéo-Métiers list: ``rows`` are (name, MET id, publication, collection, year, gencod, gfe,
    ROME codes, ROME labels, domains); the ROME links are made with ``rome_url``."""
    for name, metier, *publication, romes, labels, domains in rows:
        links = " | ".join(rome_url + code for code in romes.split(" | ")) if romes else ""
        values = [name, METIER_SLUG + metier, *publication, romes, labels, links, domains]
        yield dict(zip(METIER_LIST_FIELDS, values, strict=True))


def onisep_metiers_list(folder):
    """Two versions of the Idéo-Métiers Onisep list (métier × publication): the XML of 2025 on one line, and an
    older JSON (escaped slashes and accents, numbers for the year and the EAN, null for nothing)."""
    breeding = "agriculture, animaux/élevage, aquaculture"
    write(folder / "ideo-metiers_onisep_2025-11.xml", flat_xml(metier_list([
        ("accessoiriste", "MET.69", "Les études artistiques (exemple)", "Dossiers", 2023, 9782000000104,
         "GFE V : arts, spectacle, audiovisuel", "L1503", "Décor et accessoires spectacle",
         "arts, culture, artisanat/arts du spectacle| matières premières, fabrication, industries/textile, "
         "habillement"),
        (*BUYER, "Les métiers du commerce (exemple)", "Parcours", 2020, 9782000000203, *BUYER_DETAILS),
        (*BUYER, "Écoles de gestion (exemple)", "Dossiers", 2025, 9782000000302, *BUYER_DETAILS),
        (*BREEDER, breeding),
        ("géomaticien / géomaticienne", "MET.8099", "", "pas de publication Onisep spécifique", "", "",
         "GFE C : bâtiment", "", "", "construction, architecture, travaux publics/architecture"),
    ], "https://candidat.francetravail.fr/metierscope/fiche-metier/")))  # fmt: skip
    records = metier_list([
        ("éducateur sportif / éducatrice sportive des activités aquatiques et de la natation", "MET.569",
         "Les métiers du sport (exemple)", "Parcours", 2021, 9782000000500, "GFE S : hôtellerie,  tourisme, loisirs",
         "G1204", "Éducation en activités sportives", "santé, social, sport/sport"),
        (*BUYER, "Les métiers du commerce (exemple)", "Parcours", 2020, 9782000000203, *BUYER_DETAILS),
        ("matelot à la pêche", "MET.674", None, "pas de publication Onisep spécifique", None, None,
         "GFE B : pêche, mer", "N3102", "Equipage de la navigation maritime",
         "agriculture, animaux/pêche| logistique, transport/transport"),
        (*BREEDER, breeding),
    ], "https://candidat.francetravail.fr/marche-du-travail/fichemetierrome?codeRome=")  # fmt: skip
    text = json.dumps(list(records), ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")
    write(folder / "ideo-metiers_onisep_5fa5949243f97.json", text)
    return folder


def onisep_formations(folder):
    """ONISEP's Idéo-Fiches formations (XML)."""
    write(folder / "Onisep_Ideo_Fiches_Formations_01022025.xml", documents.ONISEP_FORMATIONS)
    return folder


def onisep_fiches_metiers(folder):
    """ONISEP's Idéo-Fiches métiers (XML)."""
    write(folder / "Onisep_Ideo_Fiches_metiers_01022025.xml", documents.ONISEP_FICHES_METIERS)
    return folder


# -- LHÉO (Carif-Oref offers) ------------------------------------------------------------------------------------


def lheo(folder):
    """Two LHÉO files: a regional offer in 2.3 (UTF-8) and an ONISEP-style 2.2 file in ISO-8859-1."""
    write(folder / "offre-bretagne-2.3.xml", documents.LHEO_BRETAGNE)
    write(folder / "offre-onisep-2.2.xml", documents.LHEO_ONISEP, encoding="iso-8859-1")
    return folder
