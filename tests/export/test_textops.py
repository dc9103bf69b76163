"""Line's text written straight into the page is byte for byte what reportlab's canvas and text object write."""

from __future__ import annotations

import io

import pytest
from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from planner.export.pdf import textops
from planner.export.pdf.flowables import esc, para, strong
from planner.export.pdf.fonts import register_fonts
from planner.export.pdf.styles import STYLES

MARKUP = [
    ("Host contact", STYLES.label, False),
    ("Zhou Ziqiang, Journalist, +86 21 9792 4589 &amp; more", STYLES.small, False),
    ("Lujiazui Machinery 3<br/>337 Century Avenue, Shanghai", STYLES.local, False),
    ("深圳市福田区福中三路市民中心C区<br/>深圳市人民政府", STYLES.local, False),
    ("Empfang des Generalkonsuls", STYLES.item_title, True),
    ("市长会见 · Empfang durch den Oberbürgermeister", STYLES.item_title, True),
    ('Text<br/><font size="8" color="#5E6A77">Zweite Sprache 第二语言</font>', STYLES.body, False),
    ('<font size="7.2">Ernährungshinweise：</font><font color="#1F2933">vegetarisch, 素食</font>', STYLES.detail, False),
    ("Empfang im <b>Rathaus 许勤</b> mit Imbiss", STYLES.body, False),
    ("A long description that wraps, with 中文 words inside it as well. " * 12, STYLES.body, False),
    ("许勤市长率团访问汉诺威，与汉诺威市长会谈，并出席中德创意产业论坛。" * 6, STYLES.body, False),
    ("<br/>After an empty line", STYLES.body, False),
]


def _story() -> list[Flowable]:
    register_fonts()
    return [strong(text, style) if bold else para(text, style) for text, style, bold in MARKUP] + [
        para(esc("Ein Satz, der über die Seite hinaus läuft. ") * 120, STYLES.body)  # split over two pages
    ]


def _pdf() -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, leftMargin=20 * mm, topMargin=20 * mm).build(_story())
    return buffer.getvalue()


def test_direct_text_writes_what_reportlab_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no moment of making, no random id: two makings compare
    made: list[type] = []
    real = textops.writer

    def noted(*args: object) -> textops.TextWriter:
        found = real(*args)  # type: ignore[arg-type]
        made.append(type(found))
        return found

    monkeypatch.setattr("planner.export.pdf.flowables.writer", noted)
    direct = _pdf()
    assert set(made) == {textops.DirectText} and len(made) > len(MARKUP)
    monkeypatch.setattr(textops, "_plain", lambda canvas: False)
    made.clear()
    by_reportlab = _pdf()
    assert set(made) == {textops.ReportlabText}
    assert direct == by_reportlab


def test_a_page_with_transparency_or_a_translucent_colour_is_left_to_reportlab() -> None:
    register_fonts()
    canvas = Canvas(io.BytesIO())
    assert isinstance(textops.writer(canvas, 0, 0, HexColor("#1F2933"), None), textops.DirectText)
    assert isinstance(textops.writer(canvas, 0, 0, Color(0, 0, 0, alpha=0.5), None), textops.ReportlabText)
    assert isinstance(textops.writer(canvas, 0, 0, HexColor("#1F2933"), None, [Color(1, 0, 0, alpha=0.3)]),
                      textops.ReportlabText)
    canvas.setFillAlpha(0.5)
    assert isinstance(textops.writer(canvas, 0, 0, HexColor("#1F2933"), None), textops.ReportlabText)
