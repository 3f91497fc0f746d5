from django.core.management.base import BaseCommand

from hent.projects import services


class Command(BaseCommand):
    help = (
        "Delete the projects nobody opened or changed for HENT_PROJECT_RETENTION_DAYS days (365 by default), "
        "with their items, notes and plan. Idempotent: run it daily (cron or CI)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count what would be deleted, delete nothing")

    def handle(self, *args, dry_run=False, **options):
        counts = services.purge(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(
            f"purge_projects: {verb} {counts['projects']} project(s) unused for {services.retention_days()} days "
            f"({counts['items']} item(s), {counts['notes']} note(s), {counts['steps']} step(s))"
        )
