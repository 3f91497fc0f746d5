# ruff: noqa: E501  (rows of CSV files are as long as the publishers write them)
"""Small files in the publishers' formats, with their quirks, and a small directory for the page tests.

Agencies (Pôle emploi's referential of sites, 2019): "NULL" for empty, coordinates with a decimal comma, upper case,
a direction site (DDA) at the same address as an agency, an agency of another region, a CEDEX postcode
(Saint-Brieuc 22023), "ST MALO" for Saint-Malo, a code in brackets after a name.
Annuaire de l'éducation: BOM, ';', a closed CIO, a collège (not a CIO), CRLF line ends.
"""

import pytest

from tests.territories.conftest import geo, geo_dir  # noqa: F401  (the communes the importer and search need)

AGENCIES = """\
REFERENCE_PE,NOM,CODE_SAFIR,TYPE_SITE,REGION,LIBELLE_REGION,COMPLEMENT_ADRESSE,DC_COMPLEMENTADRSITEPHYSIQUE,ADRESSE,CODE_POSTAL,COMMUNE,DN_LATITUDE,DN_LONGITUDE
BRE0076005524,RENNES CENTRE,35045,ALE,53,BRETAGNE,NULL,NULL,22 rue de Redon,35000,RENNES,"48,105697","-1,689184"
BRE0081005367,RENNES EST (APE/DT35),35133,ALE,53,BRETAGNE,NULL,NULL,22 RUE DU BIGNON,35200,RENNES,"48,097094","-1,629411"
BRE0054005367,RENNES EST (APE/DT35),35141,DDA,53,BRETAGNE,NULL,NULL,22 RUE DU BIGNON,35200,RENNES,"48,097094","-1,629411"
BRE0069005815,SAINT MALO,35007,ALE,53,BRETAGNE,NULL,ZAC DE LA MADELEINE,7 rue Augustin Fresnel,35400,ST MALO,"48,650241","-1,989533"
BRE0089006117,SAINT BRIEUC SUD,22020,ALE,53,BRETAGNE,NULL,NULL,3 rue Jean Grenier,22023,SAINT BRIEUC,"48,49846","-2,747447"
BRE0032005816,BREST EUROPE,29019,ALE,53,BRETAGNE,NULL,NULL,11 rue du 8 Mai 1945,29200,BREST,"48,409735","-4,47025"
PDL0001,NANTES CENTRE,44001,ALE,52,PAYS DE LA LOIRE,NULL,NULL,1 rue de Nantes,44000,NANTES,"47,2","-1,55"
"""

ANNUAIRE_HEADER = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Adresse_2;Adresse_3;Code postal;Code_commune;Nom_commune;Code_departement;Telephone;Web;Mail;latitude;longitude;date_maj_ligne;etat"
ANNUAIRE = (
    "\r\n".join(
        [
            ANNUAIRE_HEADER,
            "0351839J;Centre d'information et d'orientation Rennes;Information et orientation;Public;1 Quai Dujardin;;;35000;35238;Rennes;035;02 99 25 18 30;http://www.ac-rennes.fr/cio-rennes.html;cio.rennes@ac-rennes.fr;48.1101976;-1.6726602;2023-06-08;OUVERT",
            "0350065F;Centre d'information et d'orientation de Saint-Malo;Information et orientation;Public;26 Quai du Val;Résidence Les Marines de Chasles;;35400;35288;Saint-Malo;035;02 99 56 04 43;http://www.ac-rennes.fr/cio-saint-malo.html;cio.saint-malo@ac-rennes.fr;48.6396833;-2.0109553;2023-06-08;OUVERT",
            "0351904E;Centre d'information et d'orientation de Vitré;Information et orientation;Public;9 place du Champ de foire;Maison de l'Emploi;;35500;35360;Vitré;035;02 99 75 02 85;;pas un courriel;48.1202796;-1.2066404;2023-05-02;OUVERT",
            "0359999Z;Centre d'information et d'orientation fermé;Information et orientation;Public;1 rue X;;;35000;35238;Rennes;035;;;;48.11;-1.68;2020-01-01;FERME",
            "0350001A;Collège Anne de Bretagne;Collège;Public;1 rue Y;;;35000;35238;Rennes;035;;;;48.11;-1.68;2023-06-08;OUVERT",
        ]
    )
    + "\r\n"
)

DERIVED = """\
type_structure,identifiant,nom,adresse,code_postal,commune,code_insee,latitude,longitude,source,date_donnees,contact
AGENCE_POLE_EMPLOI_FRANCE_TRAVAIL,35045,RENNES CENTRE,22 rue de Redon,35000,RENNES,35238,48.105697,-1.689184,gip-inclusion/les-emplois pole_emploi_agencies.csv,2019-11,
CIO,0351839J,Centre d'information et d'orientation Rennes,1 Quai Dujardin,35000,Rennes,35238,48.1101976,-1.6726602,"msimonin/coll-ges35 …",2023-06-08,02 99 25 18 30;cio.rennes@ac-rennes.fr;http://www.ac-rennes.fr/cio-rennes.html
"""


def write(folder, agencies=AGENCIES, annuaire=ANNUAIRE, derived=None):
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    if agencies is not None:
        (folder / "sources" / "pole_emploi_agencies_2019.csv").write_text(agencies, encoding="utf-8")
    if annuaire is not None:
        (folder / "sources" / "fr-en-annuaire-education_dep35_2023-06.csv").write_bytes(
            b"\xef\xbb\xbf" + annuaire.encode()
        )
    if derived is not None:
        (folder / "structures_orientation_bretagne.csv").write_text(derived, encoding="utf-8")
    return folder


@pytest.fixture
def structures_dir(tmp_path):
    return write(tmp_path / "orientation-bretagne")


@pytest.fixture
def directory(geo, structures_dir):  # noqa: F811
    """The fixture files imported, over the test communes."""
    from hent.guidance.importers.structures import StructuresImporter

    StructuresImporter(structures_dir).run()
    return structures_dir
