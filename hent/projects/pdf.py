"""A project as a PDF file, with ReportLab's standard fonts (nothing embedded, nothing fetched).

The standard fonts cover the Windows-1252 characters, which is all of written French; any other
character a person typed (an emoji, another script) is replaced by "?" rather than lost silently.
"""

import io
import unicodedata
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from hent.projects import keys


def pdf_text(value):
    """Text the standard fonts can draw, escaped for ReportLab's paragraph markup."""
    text = unicodedata.normalize("NFC", str(value))
    drawable = []
    for c in text:
        try:
            c.encode("cp1252")
            drawable.append(c)
        except UnicodeEncodeError:
            folded = unicodedata.normalize("NFKD", c).encode("cp1252", "ignore").decode("cp1252")
            drawable.append(folded or "?")
    return escape("".join(drawable))


def _styles():
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName="Helvetica-Bold", alignment=0),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName="Helvetica-Bold", spaceBefore=14),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14),
        "small": ParagraphStyle(
            "small",
            parent=base["BodyText"],
            fontName="Helvetica",
            fontSize=9,
            leading=12,
            textColor=colors.HexColor("#4f5358"),
        ),
    }


def project_pdf(view, absolute_url, site_name="Hent"):
    """The PDF bytes of a ProjectView; absolute_url turns a path of this site into a full address."""
    styles = _styles()
    buffer = io.BytesIO()
    title = _("Mon projet")
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=f"{title} — {site_name}",
        author=site_name,
        subject=_("Projet d'orientation"),
        lang="fr-FR",
    )
    p = lambda text, style="body": Paragraph(pdf_text(text), styles[style])  # noqa: E731
    story = [
        p(f"{title} — {site_name}", "title"),
        p(
            _("Code du projet : %(code)s — imprimé le %(date)s")
            % {
                "code": keys.display_code(view.project.code),
                "date": date_format(timezone.localdate(), "j F Y"),
            },
            "small",
        ),
    ]
    for _slug, heading, items in view.groups:
        story.append(p(heading, "h2"))
        if not items:
            story.append(p(_("Rien pour l'instant."), "small"))
        for entry in items:
            ref = entry.reference
            line = f"<b>{pdf_text(entry.label)}</b>"
            if ref and ref.detail:
                line += f" — {pdf_text(ref.detail)}"
            if ref:
                line += f"<br/><font size=9 color='#0b5d7a'>{pdf_text(absolute_url(ref.url))}</font>"
            else:
                line += f" <font size=9>({pdf_text(_('ne figure plus dans nos données'))})</font>"
            story.append(Paragraph("• " + line, styles["body"]))
            story.append(Spacer(1, 3))

    story.append(p(_("Mon plan"), "h2"))
    rows = [[p(_("Étape")), p(_("Où j'en suis")), p(_("Date"))]]
    for step in view.steps:
        rows.append(
            [
                p(step.title_text),
                p(_("Fait") if step.done else _("À faire")),
                p(date_format(step.date, "j F Y") if step.date else "—"),
            ]
        )
    table = Table(rows, colWidths=[9.5 * cm, 3 * cm, 4.5 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#d0d7de")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f6f8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)

    story.append(p(_("Mes notes"), "h2"))
    if not view.notes:
        story.append(p(_("Pas de note."), "small"))
    for note in view.notes:
        story.append(Paragraph("<br/>".join(pdf_text(line) for line in note.text.split("\n")), styles["body"]))
        story.append(Spacer(1, 6))

    story.append(Spacer(1, 12))
    story.append(p(view.retention, "small"))
    story.append(
        p(
            _("%(site)s, service public d'information sur les métiers, les formations et l'emploi.")
            % {"site": site_name},
            "small",
        )
    )
    doc.build(story)
    return buffer.getvalue()
