from hent.core.management.base import ImportCommand
from hent.trainings.importers.parcoursup import ParcoursupImporter


class Command(ImportCommand):
    help = (
        "Import the unofficial, reduced copy of the Parcoursup programmes (folder or zip holding "
        "fr-esr-parcoursup*.csv, 6 columns, ','-separated). Use only where nothing better exists."
    )
    importer_class = ParcoursupImporter
