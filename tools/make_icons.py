"""Render the app icon (resources/icons/app.svg) for the desktops: PNGs in the hicolor sizes, a .ico and a .icns.

`make dist` runs it before PyInstaller; the results are build products in
build/icons/ and are not committed. Qt's own image writers make the .ico and
.icns, so no extra tool is needed on any platform. The line-drawn flag sits on
a light rounded square so it reads on dark and light panels alike.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

APP_ID = "org.delegationplanner.DelegationPlanner"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[1]


def render(svg: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e3ecf7"))
    radius = size * 0.18
    painter.drawRoundedRect(QRectF(0, 0, size, size), radius, radius)
    margin = size * 0.14
    svg.render(painter, QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    painter.end()
    return image


def main(out: Path) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    if not svg.isValid():
        print("resources/icons/app.svg cannot be read", file=sys.stderr)
        return 1
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        render(svg, size).save(str(target), "PNG")
    (out / "hicolor" / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    (out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").write_bytes((ROOT / "resources" / "icons" / "app.svg").read_bytes())
    if not render(svg, 256).save(str(out / "delegation-planner.ico"), "ICO"):
        print("the .ico could not be written", file=sys.stderr)
        return 1
    if not render(svg, 512).save(str(out / "delegation-planner.icns"), "ICNS"):
        print("the .icns could not be written", file=sys.stderr)
        return 1
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"))
