import time

from django.core.management.base import BaseCommand, CommandError

from hent.core import importing
from hent.core.importing import ImportFailed


class ImportCommand(BaseCommand):
    """Base of every `import_*` command: PATH, --dry-run, counts per table, clear errors."""

    importer_class = None
    path_help = "folder of the publisher's files, or the official zip archive"

    def add_arguments(self, parser):
        parser.add_argument("path", help=self.path_help)
        parser.add_argument("--dry-run", action="store_true", help="read, check and count, but write nothing")

    def handle(self, path, dry_run=False, **options):
        started = time.perf_counter()
        try:
            report = self.importer_class(path).run(dry_run=dry_run)
        except ImportFailed as exc:
            raise CommandError(f"Import stopped, nothing was changed. {exc}") from None
        if not dry_run and report.changes >= importing.BULK_CHANGES and not importing.batch_running():
            importing.refresh_planner_statistics()
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(f"  done in {time.perf_counter() - started:.1f} s")
        return None
