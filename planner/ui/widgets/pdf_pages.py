"""The pages of a PDF, painted in a scroll area and rendered by pdfium only when they come into view.

pypdfium2 is imported when the first document is opened, not with this module,
so that the main window starts without pdfium, a large library many sessions
never need. pdfium holds the file open (and is not thread-safe), so a document
is rendered in the GUI thread and closed explicitly when its preview goes away.

Pages are rendered straight into a QImage's buffer (pdfium writes BGRx, which
is Qt's RGB32 in memory on little-endian machines), only the pages in or next
to the visible area, and a few are kept in a cache with a memory budget. A page
at a high zoom is rendered only around the part in view, as a whole A4 page at
500 % on a high-density screen would be hundreds of megabytes.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import sys
from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QStyle, QWidget

from planner.domain.errors import PlannerError
from planner.i18n import N_, _

if TYPE_CHECKING:
    import pypdfium2

#: Space around the pages and between them, in pixels. A little more between than around: a page
#: fitted to the window is then shown alone, without the edges or shadows of its neighbours.
MARGIN = 16
SHADOW = 3
GAP = MARGIN + SHADOW + 1
MIN_ZOOM = 0.25
MAX_ZOOM = 5.0
ZOOM_STEP = 1.25
#: Rendered pixels kept for pages out of view: a dozen A4 pages at a usual width.
CACHE_BYTES = 96 * 1024 * 1024
#: A page bigger than this (bytes of pixels) is rendered only around the part in view.
WHOLE_PAGE_BYTES = 24 * 1024 * 1024

UNREADABLE = N_("{name} cannot be shown: it is missing or not a readable PDF file.")
PROTECTED = N_("{name} is protected by a password and cannot be shown here.")
#: pdfium's "wrong or missing password" error code (FPDF_ERR_PASSWORD).
PDFIUM_PASSWORD_ERROR = 4


class ZoomMode(StrEnum):
    FIT_WIDTH = "fit-width"
    FIT_PAGE = "fit-page"
    CUSTOM = "custom"


class PdfFile:
    """An open PDF: its page sizes (in points) and pages rendered to images."""

    def __init__(self, path: Path) -> None:
        """Open `path`; a missing, damaged or protected file raises a PlannerError naming it."""
        import pypdfium2 as pdfium  # here, not at the top: see the module's docstring

        self.path = path
        self._pdfium = pdfium
        try:
            self._document: pypdfium2.PdfDocument | None = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as error:
            protected = getattr(error, "err_code", None) == PDFIUM_PASSWORD_ERROR
            raise PlannerError(PROTECTED if protected else UNREADABLE, name=path.name) from error
        except OSError as error:
            raise PlannerError(UNREADABLE, name=path.name) from error
        try:
            self.sizes = [QSizeF(*self._document.get_page_size(index)) for index in range(len(self._document))]
        except pdfium.PdfiumError as error:
            self.close()
            raise PlannerError(UNREADABLE, name=path.name) from error
        if not self.sizes:
            self.close()
            raise PlannerError(UNREADABLE, name=path.name)

    @property
    def page_count(self) -> int:
        return len(self.sizes)

    @property
    def is_open(self) -> bool:
        return self._document is not None

    def close(self) -> None:
        """Let go of the file (pdfium keeps it open until then)."""
        if self._document is not None:
            self._document.close()
            self._document = None

    def render(self, index: int, scale: float, region: QRect | None = None, *, printing: bool = False) -> QImage:
        """Page `index` at `scale` pixels per point, or only `region` of it (in those pixels), on white.

        A page pdfium cannot load raises a PlannerError.
        """
        if self._document is None:
            raise PlannerError(UNREADABLE, name=self.path.name)
        pdfium = self._pdfium
        crop = (0.0, 0.0, 0.0, 0.0)
        if region is not None:
            full = page_pixels(self.sizes[index], scale)
            # pdfium rounds each cut up (ceil(cut * scale)): a hair less keeps whole pixels whole
            left, top = region.x(), region.y()
            right, bottom = full.width() - region.x() - region.width(), full.height() - region.y() - region.height()
            crop = tuple(max(0.0, (cut - 0.01) / scale) for cut in (left, bottom, right, top))  # type: ignore[assignment]
        images: list[QImage] = []
        little_endian = sys.byteorder == "little"

        def into_image(width: int, height: int, format: int, rev_byteorder: bool = False) -> Any:
            # pdfium draws into the QImage's own pixels: no copy, and no Pillow.
            image = QImage(width, height, QImage.Format.Format_RGB32 if little_endian else QImage.Format.Format_RGBX8888)
            stride = image.bytesPerLine()
            buffer = (ctypes.c_ubyte * (stride * height)).from_buffer(image.bits())  # type: ignore[arg-type]
            images.append(image)
            return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder, buffer=buffer, stride=stride)

        try:
            page = self._document[index]
        except pdfium.PdfiumError as error:
            raise PlannerError(UNREADABLE, name=self.path.name) from error
        try:
            bitmap = page.render(
                scale=scale, crop=crop, bitmap_maker=into_image, may_draw_forms=False,
                force_bitmap_format=pdfium.raw.FPDFBitmap_BGRx, rev_byteorder=not little_endian,
                optimize_mode="print" if printing else None,
            )
            bitmap.close()
        except (pdfium.PdfiumError, ValueError) as error:
            raise PlannerError(UNREADABLE, name=self.path.name) from error
        finally:
            page.close()
        return images[0]


def page_pixels(points: QSizeF, scale: float) -> QSize:
    """The size pdfium renders a page of `points` at `scale` pixels per point."""
    return QSize(max(1, math.ceil(points.width() * scale)), max(1, math.ceil(points.height() * scale)))


@dataclass(slots=True)
class Rendered:
    """A page (or the `region` of it) at `scale` device pixels per point."""

    scale: float
    region: QRect
    image: QImage

    @property
    def size_in_bytes(self) -> int:
        return self.image.sizeInBytes()


class PdfPagesView(QAbstractScrollArea):
    """All pages one below the other on a grey background, with a shadow, at a zoom or fitted to the window."""

    currentPageChanged = Signal(int)
    zoomChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file: PdfFile | None = None
        self._mode = ZoomMode.FIT_WIDTH
        self._zoom = 1.0  # the custom zoom; the fitted ones are computed from the window
        self._scale = 1.0  # logical pixels per point now
        self._rects: list[QRect] = []  # each page in content coordinates
        self._bottoms: list[int] = []
        self._content = QSize()
        self._cache: OrderedDict[int, Rendered] = OrderedDict()
        self._failed: set[int] = set()
        self._in_view: list[int] = []
        self._current = 0
        self._jumping = False
        self.viewport().setBackgroundRole(QPalette.ColorRole.Mid)
        self.viewport().setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(0)
        self._prefetch_timer.timeout.connect(self._prefetch)

    # --- the document --------------------------------------------------------------------------

    def set_file(self, file: PdfFile | None) -> None:
        """Show `file` from its first page (None: nothing); the file shown before is closed."""
        if self.file is not None and self.file is not file:
            self.file.close()
        self.file = file
        self._cache.clear()
        self._failed.clear()
        self._current = 0
        self._relayout(keep_position=False)
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        self.currentPageChanged.emit(0)

    def close_document(self) -> None:
        """Let go of the file and the rendered pages."""
        self.set_file(None)

    def page_count(self) -> int:
        return self.file.page_count if self.file is not None else 0

    def cached_pages(self) -> list[int]:
        """The pages rendered and kept now, in page order."""
        return sorted(self._cache)

    def page_rect(self, page: int) -> QRect:
        """Where page `page` is, in the coordinates of the whole scrolled area."""
        return QRect(self._rects[page])

    # --- navigation ----------------------------------------------------------------------------

    def current_page(self) -> int:
        return self._current

    def go_to(self, page: int) -> None:
        """Scroll page `page` (from 0) to the top."""
        if not 0 <= page < self.page_count():
            return
        rect = self._rects[page]
        above = max(MARGIN, (self.viewport().height() - rect.height()) // 2)  # a page that fits is centred
        self._jumping = True
        try:
            self.verticalScrollBar().setValue(rect.top() - above)
        finally:
            self._jumping = False
        self._set_current(page)

    def _scrolled(self, _value: int) -> None:
        if not self._jumping and self._rects:
            self._set_current(self._page_at_view())

    def _page_at_view(self) -> int:
        """The page the reader is on: the one 40 % down the view, or the last at the end."""
        bar = self.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            return len(self._rects) - 1
        probe = bar.value() + self.viewport().height() * 2 // 5
        return min(len(self._rects) - 1, bisect.bisect_right(self._bottoms, probe - GAP))

    def _set_current(self, page: int) -> None:
        if page != self._current:
            self._current = page
            self.currentPageChanged.emit(page)

    # --- zoom ----------------------------------------------------------------------------------

    def zoom_mode(self) -> ZoomMode:
        return self._mode

    def zoom_factor(self) -> float:
        """The zoom shown, 1.0 being the paper's own size on this screen."""
        return self._scale / self._pixels_per_point()

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        if mode is not ZoomMode.CUSTOM:
            self._mode = mode
            self._relayout(anchor=0.0)
            if mode is ZoomMode.FIT_PAGE:
                self.go_to(self._current)  # the whole page, not two halves
            self.zoomChanged.emit()

    def set_zoom_factor(self, zoom: float) -> None:
        self._mode = ZoomMode.CUSTOM
        self._zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self._relayout(anchor=0.5)
        self.zoomChanged.emit()

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out from what is shown now, fitted or not."""
        self.set_zoom_factor(self.zoom_factor() * factor)

    def _pixels_per_point(self) -> float:
        return self.logicalDpiX() / 72

    def _fitted_zoom(self) -> float:
        """The zoom of the fit mode for the space the window gives (with a scroll bar if the pages need one)."""
        if self.file is None:
            return 1.0
        full = self.maximumViewportSize()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar())
        ppp = self._pixels_per_point()
        sizes = self.file.sizes
        page = sizes[min(self._current, len(sizes) - 1)] if self._mode is ZoomMode.FIT_PAGE else None
        widest = max(size.width() for size in sizes)

        def fitted(width: int) -> float:
            if page is None:
                return (width - 2 * MARGIN) / (widest * ppp)
            return min((width - 2 * MARGIN) / (page.width() * ppp), (full.height() - 2 * MARGIN) / (page.height() * ppp))

        zoom = fitted(full.width())
        if self._content_height(zoom * ppp) > full.height():
            zoom = fitted(full.width() - bar)  # the vertical scroll bar will take its share of the width
        return min(MAX_ZOOM, max(0.05, zoom))

    def _content_height(self, scale: float) -> int:
        assert self.file is not None
        heights = (round(size.height() * scale) for size in self.file.sizes)
        return sum(heights) + GAP * (self.file.page_count - 1) + 2 * MARGIN

    # --- layout --------------------------------------------------------------------------------

    def _relayout(self, *, keep_position: bool = True, anchor: float = 0.0) -> None:
        """Place the pages for the zoom now; `anchor` (0 top, 0.5 middle of the view) stays on the same spot.

        The current page stays what it was: scroll bars moved by the new layout are not the reader scrolling.
        """
        position = self._position(anchor) if keep_position and self._rects else None
        self._jumping = True
        try:
            self._place_pages(position, anchor)
        finally:
            self._jumping = False
        self.viewport().update()

    def _place_pages(self, position: tuple[int, float] | None, anchor: float) -> None:
        self._rects.clear()
        self._bottoms.clear()
        if self.file is None:
            self._content = QSize()
            self._update_scroll_bars()
            return
        zoom = self._zoom if self._mode is ZoomMode.CUSTOM else self._fitted_zoom()
        self._scale = zoom * self._pixels_per_point()
        sizes = [QSize(round(s.width() * self._scale), round(s.height() * self._scale)) for s in self.file.sizes]
        widest = max(size.width() for size in sizes)
        top = MARGIN
        for size in sizes:
            self._rects.append(QRect(MARGIN + (widest - size.width()) // 2, top, size.width(), size.height()))
            top += size.height() + GAP
            self._bottoms.append(top - GAP)
        self._content = QSize(widest + 2 * MARGIN, top - GAP + MARGIN)
        self._update_scroll_bars()
        if position is not None:
            page, fraction = position
            rect = self._rects[page]
            self.verticalScrollBar().setValue(round(rect.top() + fraction * rect.height() - self.viewport().height() * anchor))

    def _position(self, anchor: float) -> tuple[int, float]:
        """The page under the view's anchor line and how far down that page it is."""
        y = self.verticalScrollBar().value() + self.viewport().height() * anchor
        page = min(len(self._rects) - 1, bisect.bisect_right(self._bottoms, y))
        rect = self._rects[page]
        return page, (y - rect.top()) / max(1, rect.height())

    def _update_scroll_bars(self) -> None:
        view = self.viewport().size()
        for bar, content, step in (
            (self.verticalScrollBar(), self._content.height(), view.height()),
            (self.horizontalScrollBar(), self._content.width(), view.width()),
        ):
            bar.setRange(0, max(0, content - step))
            bar.setPageStep(step)
            bar.setSingleStep(max(20, step // 20))

    def _origin(self) -> tuple[int, int]:
        """The content coordinates at the view's top left (narrow pages are centred in a wide window)."""
        spare = self.viewport().width() - self._content.width()
        x = -(spare // 2) if spare > 0 else self.horizontalScrollBar().value()
        return x, self.verticalScrollBar().value()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._mode is ZoomMode.CUSTOM:
            self._update_scroll_bars()
        else:
            self._relayout(anchor=0.0)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.file is not None:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self._rects:
            return
        x, y = self._origin()
        visible = QRect(x, y, self.viewport().width(), self.viewport().height())
        first = bisect.bisect_right(self._bottoms, visible.top() - SHADOW)  # a shadow below a page shows too
        self._in_view = [page for page in range(first, len(self._rects)) if self._rects[page].top() <= visible.bottom()]
        painter = QPainter(self.viewport())
        painter.translate(-x, -y)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        shadow = QColor(0, 0, 0, 70)
        for page in self._in_view:
            rect = self._rects[page]
            painter.fillRect(rect.translated(SHADOW, SHADOW), shadow)
            painter.fillRect(rect, Qt.GlobalColor.white)
            rendered = self._rendered(page, visible)
            if rendered is not None:
                dpr = rendered.scale / self._scale
                region = rendered.region
                target = QRectF(rect.x() + region.x() / dpr, rect.y() + region.y() / dpr, region.width() / dpr, region.height() / dpr)
                painter.drawImage(target, rendered.image, QRectF(0, 0, region.width(), region.height()))
            elif page in self._failed:
                painter.setPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
                text = _("This page cannot be shown.")
                painter.drawText(rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        painter.end()
        self._prefetch_timer.start()

    def _rendered(self, page: int, visible: QRect) -> Rendered | None:
        """Page `page` as far as it is in `visible`, from the cache or rendered now."""
        if self.file is None or page in self._failed:
            return None
        dpr = self.viewport().devicePixelRatioF()
        scale = self._scale * dpr
        full = page_pixels(self.file.sizes[page], scale)
        whole = QRect(0, 0, full.width(), full.height())
        if full.width() * full.height() * 4 <= WHOLE_PAGE_BYTES:
            needed = wanted = whole
        else:
            rect = self._rects[page]
            shown = visible.intersected(rect).translated(-rect.topLeft())
            if shown.isEmpty():
                return None
            needed = _scaled(shown, dpr).intersected(whole)
            spare_x, spare_y = visible.width() // 2, visible.height() // 2
            wanted = _scaled(shown.adjusted(-spare_x, -spare_y, spare_x, spare_y), dpr).intersected(whole)
        cached = self._cache.get(page)
        if cached is not None and math.isclose(cached.scale, scale) and cached.region.contains(needed):
            self._cache.move_to_end(page)
            return cached
        try:
            image = self.file.render(page, scale, None if wanted == whole else wanted)
        except PlannerError:
            self._failed.add(page)
            self._cache.pop(page, None)
            return None
        rendered = Rendered(scale, wanted, image)
        self._cache[page] = rendered
        self._cache.move_to_end(page)
        self._trim_cache()
        return rendered

    def _trim_cache(self) -> None:
        """Forget the longest-unseen pages over the budget; the pages in view stay."""
        total = sum(entry.size_in_bytes for entry in self._cache.values())
        for page in list(self._cache):
            if total <= CACHE_BYTES:
                break
            if page not in self._in_view:
                total -= self._cache.pop(page).size_in_bytes

    def _prefetch(self) -> None:
        """Render the page just above and just below the view, so that scrolling on shows it at once."""
        if not self._in_view or self.file is None:
            return
        dpr = self.viewport().devicePixelRatioF()
        for page in (self._in_view[-1] + 1, self._in_view[0] - 1):
            if 0 <= page < self.page_count() and page not in self._cache:
                rect = self._rects[page]
                if rect.width() * rect.height() * dpr * dpr * 4 <= WHOLE_PAGE_BYTES:  # only pages rendered whole
                    self._rendered(page, rect)


def _scaled(rect: QRect, factor: float) -> QRect:
    """`rect` in device pixels, grown to whole pixels."""
    left, top = math.floor(rect.x() * factor), math.floor(rect.y() * factor)
    right, bottom = math.ceil((rect.x() + rect.width()) * factor), math.ceil((rect.y() + rect.height()) * factor)
    return QRect(left, top, right - left, bottom - top)
