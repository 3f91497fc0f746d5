from hent.core.management.base import ImportCommand
from hent.trainings.importers.onisep_lycees import OnisepLyceesImporter


class Command(ImportCommand):
    help = (
        "Import ONISEP's teachings of lycées GT: the two XML files (spécialités de 1re générale, enseignements "
        "optionnels de 2nde GT), in a folder or a zip."
    )
    importer_class = OnisepLyceesImporter
