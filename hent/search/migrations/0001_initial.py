from django.db import migrations, models


def create_fulltext_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "text, content='search_searchentry', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX search_entry_text_fts ON search_searchentry USING gin (to_tsvector('simple', text))"
        )


def drop_fulltext_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_text_fts")


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("title", "Appellation"), ("facet", "Thème")], max_length=10)),
                ("facet", models.CharField(blank=True, max_length=20)),
                ("label", models.CharField(max_length=500)),
                ("text", models.TextField()),
                ("occupations", models.TextField()),
                ("weight", models.FloatField(default=1.0)),
            ],
        ),
        migrations.CreateModel(
            name="SearchIndex",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("built_at", models.DateTimeField()),
                ("version", models.PositiveIntegerField(default=1)),
                ("vocabulary", models.JSONField(default=dict)),
            ],
        ),
        migrations.CreateModel(
            name="SearchMiss",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("query", models.CharField(max_length=200, unique=True)),
                ("count", models.PositiveIntegerField(default=1)),
                ("first_seen", models.DateField(auto_now_add=True)),
                ("last_seen", models.DateField(auto_now=True)),
            ],
            options={
                "verbose_name": "recherche sans résultat",
                "verbose_name_plural": "recherches sans résultat",
                "ordering": ["-count", "query"],
            },
        ),
        migrations.RunPython(create_fulltext_index, drop_fulltext_index),
    ]
