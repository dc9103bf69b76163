"""The shortcuts that make a batch of itineraries quick print exactly what the slow way printed.

Text is set by Line instead of reportlab's Paragraph: same positions.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from planner.export.pdf.flowables import Line, esc, para, strong
from planner.export.pdf.fonts import LATIN, LATIN_BOLD, register_fonts
from planner.export.pdf.styles import STYLES
from tests.export.pdfcheck import reader


def _placed_text(story: list[Flowable]) -> list[tuple[str, float, float]]:
    """Each piece of text of the rendered story, with where it starts on the page (rounded to 0.01 pt)."""
    register_fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, leftMargin=20 * mm, topMargin=20 * mm).build(story)
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            found.append((text.strip(), round(tm[4] * cm[0] + cm[4], 2), round(tm[5] * cm[3] + cm[5], 2)))

    for page in reader(buffer.getvalue()).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_latin_text_is_drawn_where_a_paragraph_draws_it() -> None:
    """Latin text set by Line lands where reportlab's Paragraph in the Latin face puts it, wrapped lines too."""
    register_fonts()  # as make_context does before any paragraph is made
    texts = [
        ("Host contact", STYLES.label, False),
        ("Zhou Ziqiang, Journalist, +86 21 9792 4589 & more", STYLES.small, False),
        ("Lujiazui Machinery 3<br/>337 Century Avenue, Shanghai", STYLES.local, False),  # two lines for the driver
        ("Empfang des Generalkonsuls", STYLES.item_title, True),
        ("A long description " * 30, STYLES.body, False),  # too wide for one line: wrapped
    ]
    lines = [strong(text, style) if bold else para(text if "<br/>" in text else esc(text), style) for text, style, bold in texts]
    assert [type(flowable) for flowable in lines] == [Line] * 5
    paragraphs: list[Flowable] = []
    for text, style, bold in texts:
        markup = text if "<br/>" in text else esc(text)
        latin = ParagraphStyle(f"{style.name}-latin", parent=style, fontName=LATIN_BOLD if bold else LATIN)
        paragraphs.append(Paragraph(markup, latin))
    by_line, by_paragraph = _placed_text(lines), _placed_text(paragraphs)
    assert by_line == by_paragraph
    assert ("Lujiazui Machinery 3", by_line[2][1], by_line[2][2]) in by_line and len(by_line) > len(texts) + 3  # the long text wrapped


def test_simple_markup_is_a_line_and_other_markup_a_paragraph() -> None:
    register_fonts()
    second = para('Text<br/><font size="8" color="#5E6A77">Zweite Sprache</font>', STYLES.body)
    assert isinstance(second, Line)
    assert second.getPlainText() == "Text\nZweite Sprache"
    assert isinstance(para("Plain", STYLES.body), Line)
    bold = para("Empfang im <b>Rathaus 许勤</b> mit Imbiss", STYLES.body)
    assert isinstance(bold, Line) and [(span.start, span.end, span.bold) for span in bold.hard[0].spans] == [
        (0, 11, False), (11, 21, True), (21, 32, False)]
    assert isinstance(para("<i>Italic</i> text", STYLES.body), Paragraph)  # no italic face: reportlab's Paragraph
