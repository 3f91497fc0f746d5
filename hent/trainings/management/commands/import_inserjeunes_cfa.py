from hent.core.management.base import ImportCommand
from hent.trainings.importers.inserjeunes import CfaOutcomeImporter


class Command(ImportCommand):
    help = "Import InserJeunes outcomes by CFA (folder or zip holding fr-en-inserjeunes-cfa*.csv)."
    importer_class = CfaOutcomeImporter
