def rebuild_after_import(sender, slug, report, **kwargs):
    """The index is derived from the ROME: rebuild it when the ROME changed, or was never indexed."""
    from hent.search import index

    if slug == "rome" and (report.changes or not index.is_current()):
        index.rebuild()
