from hent.core.management.base import ImportCommand
from hent.trainings.importers.inserjeunes import DeppOutcomeImporter


class Command(ImportCommand):
    help = (
        "Import the DEPP InserJeunes files by establishment (folder or zip holding "
        "depp-*-etablissements-<millésime>-{pro,apprentissage}.csv; every millésime found is imported)."
    )
    importer_class = DeppOutcomeImporter
