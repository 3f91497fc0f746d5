from hent.core.management.base import ImportCommand
from hent.guidance.importers.structures import StructuresImporter


class Command(ImportCommand):
    help = (
        "Import guidance structures: France Travail agencies (pole_emploi_agencies*.csv) and CIO of the Annuaire "
        "de l'éducation (fr-en-annuaire-education*.csv), or the derived structures_orientation_bretagne.csv. "
        "Staff edits made in the back office are kept."
    )
    importer_class = StructuresImporter
    path_help = "folder, zip or file holding the structures' files (e.g. structures/orientation-bretagne)"
