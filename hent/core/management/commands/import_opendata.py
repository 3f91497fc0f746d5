from django.core.management import call_command
from django.core.management.base import BaseCommand

from hent.core.opendata import DEMO_DIR, SOURCES, locate, opendata_root


class Command(BaseCommand):
    help = (
        "Import every open dataset found under HENT_OPENDATA, ./var/opendata or ../shared/data; "
        "without any, import the demonstration dataset shipped in demo/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, dry_run=False, **options):
        root = opendata_root()
        if root is None:
            self.stdout.write(self.style.WARNING("No open data found: importing the demonstration dataset."))
            root = DEMO_DIR
        else:
            self.stdout.write(f"Open data: {root}")
        for command, pattern in SOURCES:
            path = locate(root, pattern)
            if path is None:
                self.stdout.write(self.style.WARNING(f"{pattern}: not found under {root}, skipped"))
                continue
            call_command(command, str(path), dry_run=dry_run, stdout=self.stdout)
