"""What the importer tests share: running a command, copying and editing fixture files, and proving that a
failed import changed nothing (a snapshot of every table before and after).

    run = partial(importing.run, "import_rome")
    snapshot = partial(importing.snapshot, "occupations", Dataset)

    assert_reimport_changes_nothing(run, folder, snapshot)
    run(folder)
    with unchanged(snapshot):
        edit(folder / "f.csv", "old", "new")
        import_fails(run, folder, "f.csv", "line 3: …")
"""

import contextlib
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from hent.core.models import Dataset

NO_CHANGE = "total: 0 created, 0 updated, 0 deleted"


def run(command, path, **options):
    """The output of an import command run on ``path``."""
    out = io.StringIO()
    call_command(command, str(path), stdout=out, **options)
    return out.getvalue()


def snapshot(*tables):
    """Every row of the given models (an app label stands for all its models), keyed by model name."""
    models = [m for t in tables for m in (apps.get_app_config(t).get_models() if isinstance(t, str) else [t])]
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in models}


@contextlib.contextmanager
def unchanged(snapshot):
    """Within the block, the tables ``snapshot()`` covers must not change."""
    before = snapshot()
    yield
    assert snapshot() == before


def import_fails(run, path, *fragments):
    """Run an import that must stop: its message says that nothing was changed and holds every fragment."""
    with pytest.raises(CommandError) as err:
        run(path)
    message = str(err.value)
    assert "nothing was changed" in message
    for fragment in fragments:
        assert fragment in message
    return message


def assert_dry_run_writes_nothing(run, path, snapshot, created=None, **options):
    """A dry run reports what it would create (``created`` rows in all, when given) and writes nothing."""
    output = run(path, dry_run=True, **options)
    assert "dry run" in output
    if created is not None:
        assert f"{created} created" in output
    assert not any(snapshot().values())


def assert_reimport_changes_nothing(run, path, snapshot):
    """Importing the same files twice: the second import changes nothing, and says so."""
    run(path)
    with unchanged(snapshot):
        assert NO_CHANGE in run(path)


def edit(file, old, new, count=1, encoding="utf-8"):
    """Replace ``old`` by ``new`` (``count`` times) in a file, in the file's encoding; the file's name."""
    data = file.read_bytes()
    assert old.encode(encoding) in data, f"{old!r} not in {file.name}"
    file.write_bytes(data.replace(old.encode(encoding), new.encode(encoding), count))
    return file.name


# -- the real open data (tests/opendata) -------------------------------------------------------------


def require(path):
    if not path.exists():
        pytest.skip(f"open data not found at {path} (set HENT_TEST_OPENDATA or put ../shared/data beside the project)")
    return path


def imported_once(django_db_blocker, sources, models, slugs):
    """For a module-scoped fixture: imports each source (``{name: (importer class, path)}``) once, or skips when
    its files are absent; yields ``{name: report}``, then empties the given tables and the given datasets (only
    those: other modules keep theirs)."""
    for _, path in sources.values():
        require(path)
    with django_db_blocker.unblock():
        reports = {name: importer(path).run() for name, (importer, path) in sources.items()}
    yield reports
    with django_db_blocker.unblock():
        for model in models:
            model.objects.all().delete()
        Dataset.objects.filter(slug__in=slugs).delete()


def assert_no_change(report):
    assert report.changes == 0, report.dataset
    assert all((t.created, t.updated, t.deleted) == (0, 0, 0) for t in report.tables)
