"""Create a staff account: `create_staff USERNAME --role adviser --structure SLUG --email ...`.

No password is chosen here, printed or logged: the command prints a one-time link where the person sets
their own password (it stops working once used, or after PASSWORD_RESET_TIMEOUT), then enrols their second
factor at first sign-in. With --send-email the link goes to the person by e-mail instead of the console.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from hent.staff import services
from hent.staff.models import Role


class Command(BaseCommand):
    help = "Create a staff account (adviser, manager, editor, admin) and print its one-time set-password link."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--structure", help="slug of the guidance structure (advisers and managers)")
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "HENT_SITE_URL", ""),
            help="site address put before the link, e.g. https://hent.example.org (default: HENT_SITE_URL)",
        )
        parser.add_argument("--send-email", action="store_true", help="e-mail the link instead of printing it")

    def handle(self, *args, **options):
        try:
            validate_email(options["email"])
        except ValidationError as error:
            raise CommandError(f"invalid e-mail address: {options['email']!r}") from error
        structure = None
        if options["structure"]:
            Structure = apps.get_model("guidance", "Structure")
            structure = Structure.objects.filter(slug=options["structure"]).first()
            if structure is None:
                raise CommandError(f"no structure with slug {options['structure']!r} in the directory")
        try:
            user = services.create_staff_account(
                options["username"],
                options["role"],
                options["email"],
                structure=structure,
                first_name=options["first_name"],
                last_name=options["last_name"],
            )
        except (services.StaffAccountError, ValidationError) as error:
            raise CommandError(str(error)) from error

        link = options["base_url"].rstrip("/") + services.set_password_path(user)
        where = f" at {structure.slug}" if structure else ""
        self.stdout.write(self.style.SUCCESS(f"Created {options['role']} account {user.get_username()!r}{where}."))
        if options["send_email"]:
            services.send_set_password_email(user, link)
            self.stdout.write("The one-time set-password link was sent by e-mail.")
        else:
            self.stdout.write("One-time link to set the password (give it to the person, privately):")
            self.stdout.write(link)
