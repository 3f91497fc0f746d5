from django.db import migrations


def rebuild_figures(apps, schema_editor):
    """Fill the new columns of a database that already holds the figures (an import with no change would not)."""
    if apps.get_model("labour", "OccupationMarket").objects.exists():
        from hent.labour import figures

        figures.rebuild()


class Migration(migrations.Migration):
    # Apart from 0002: PostgreSQL cannot add 0002's index in the transaction that writes the rows.
    dependencies = [("labour", "0002_occupation_page_figures")]

    operations = [migrations.RunPython(rebuild_figures, migrations.RunPython.noop)]
