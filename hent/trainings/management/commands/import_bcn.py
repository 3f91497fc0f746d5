from hent.core.management.base import ImportCommand
from hent.trainings.importers.bcn import BcnImporter


class Command(ImportCommand):
    help = (
        "Import Éducation nationale's BCN nomenclatures (folder or zip of nNiveauFormationDiplome_, "
        "nFormationDiplome_, vFormationDiplome_ and nMef .csv)."
    )
    importer_class = BcnImporter
