from hent.core.importing import in_batch


def rebuild_after_import(sender, slug, report, **kwargs):
    """The occupation index is derived from the ROME: rebuild it when the ROME changed, or was never indexed."""
    from hent.search import index

    if slug == "rome" and (report.changes or not index.is_current()) and not in_batch(slug):
        index.rebuild()


def rebuild_after_batch(sender, slugs, **kwargs):
    from hent.search import index

    if "rome" in slugs:
        index.rebuild()
