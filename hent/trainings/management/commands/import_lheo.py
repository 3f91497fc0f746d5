from hent.core.management.base import ImportCommand
from hent.trainings.importers.lheo import LheoImporter


class Command(ImportCommand):
    help = (
        "Import continuing-training offers in LHÉO 2.2 / 2.3 XML (formations, actions, places, sessions, "
        "organisations): one .xml file, a folder of .xml files, or a zip archive."
    )
    importer_class = LheoImporter
    path_help = "an LHÉO .xml file, a folder of them, or a zip archive"
