from hent.core.management.base import ImportCommand
from hent.trainings.importers.onisep_formations import OnisepFormationsImporter


class Command(ImportCommand):
    help = "Import ONISEP's Idéo-Fiches formations (the XML file, the folder holding it, or the official zip)."
    importer_class = OnisepFormationsImporter
