from django.db import migrations


def fill_levels(apps, schema_editor):
    """Fill the new table in a database that already holds the catalogue (an import with no change would not)."""
    if apps.get_model("trainings", "TrainingOccupation").objects.exists():
        from hent.trainings import catalogue

        catalogue.fill_occupation_levels()


class Migration(migrations.Migration):
    # Apart from 0002, as labour's 0003: PostgreSQL cannot create the table's index in the transaction that fills it.
    dependencies = [("trainings", "0002_occupation_level")]

    operations = [migrations.RunPython(fill_levels, migrations.RunPython.noop)]
