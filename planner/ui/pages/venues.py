"""The venue directory: every venue with its addresses and contacts, whatever trip is selected.

Venues belong to no trip, so the page reads them once and again only when a
venue changes (or the database does), not on every trip switch. A venue that
programme items use cannot be deleted; the service says why and nothing is
pushed on the undo stack.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
    QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from planner import formatting
from planner.domain.entities import VenueData
from planner.domain.enums import VenueKind
from planner.domain.errors import PlannerError
from planner.domain.briefing import ProfileOwner
from planner.i18n import _, ngettext, current_language
from planner.services import venues
from planner.domain.changes import EntityKind
from planner.ui.errors import show_planner_error
from planner.ui.icons import icon, kind_icon
from planner.ui.models import venue_table
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.models.venue_table import (
    DIRECTORY_CONTACT_COLUMNS,
    ContactTableModel,
    VenueTableModel,
    coordinates_text,
)
from planner.ui.pages.base import UiContext
from planner.ui.pages.directory import DirectoryPage
from planner.ui.widgets.column_fit import ColumnFitter
from planner.ui.widgets.profile_form import edit_profile
from planner.ui.widgets.layouts import button_row
from planner.ui.widgets.record_view import record_view
from planner.ui.widgets.venue_form import VenueForm
from planner.ui.keyboard import INSERT_KEYS, NEW_KEYS, page_shortcut, tab_leaves, with_shortcut

def place_text(venue: VenueData, language: str) -> str:
    """City and country as the language writes them: "Shenzhen, China", "中国深圳"."""
    return formatting.place_name(venue.city.text(language), venue.country, language)


class VenueDetails(QScrollArea):
    """The selected venue in full: both addresses, website, coordinates, notes and its contacts.

    It scrolls as a whole, so long notes never squeeze the contacts away.
    """

    MAX_CONTACT_ROWS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self)
        self.setWidget(inner)
        self.venue: VenueData | None = None
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setOpenExternalLinks(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.contacts_caption = QLabel(self)
        self.contacts_caption.setStyleSheet("font-weight: bold;")
        self.contacts = ContactTableModel(parent=self)
        self.contacts_view = tab_leaves(QTableView(self))
        self.contacts_view.setModel(self.contacts)
        self.contacts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.contacts_view.verticalHeader().hide()
        self.contacts_view.verticalHeader().setDefaultSectionSize(self.contacts_view.fontMetrics().height() + 10)
        self.contacts_view.setWordWrap(False)
        header = self.contacts_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for column in range(self.contacts.columnCount()):
            self.contacts_view.setColumnHidden(column, column not in DIRECTORY_CONTACT_COLUMNS)
        self.contacts_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 6, 4, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.contacts_caption)
        layout.addWidget(self.contacts_view)
        layout.addStretch(1)
        self.show_venue(None)

    def show_venue(self, venue: VenueData | None) -> None:
        self.venue = venue
        self.contacts.set_contacts(venue.contacts if venue is not None else ())
        self._fit_contacts_height()
        self.retranslate()

    def _fit_contacts_height(self) -> None:
        """As tall as its rows (up to MAX_CONTACT_ROWS): the page scrolls, not a tiny table inside it."""
        view = self.contacts_view
        rows = min(max(self.contacts.rowCount(), 1), self.MAX_CONTACT_ROWS)
        height = view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
        scrollbar = view.horizontalScrollBar().sizeHint().height()
        view.setFixedHeight(height + 2 * view.frameWidth() + scrollbar)

    def retranslate(self) -> None:
        venue = self.venue
        self.contacts.retranslate()
        self.contacts_caption.setText(_("Contacts"))
        if venue is None:
            self.heading.setText("")
            self.facts.setText(escape(_("Select a venue to see its addresses and contacts.")))
            self.contacts_caption.hide()
            self.contacts_view.hide()
            return
        lang = current_language()
        self.heading.setText(venue.name.text(lang))
        self.facts.setText(self._facts_html(venue, lang))
        self.contacts_caption.show()
        self.contacts_view.setVisible(bool(venue.contacts))
        if not venue.contacts:
            self.contacts_caption.setText(_("Contacts — none yet"))

    def _facts_html(self, venue: VenueData, lang: str) -> str:
        def text(value: str) -> str:
            return escape(value).replace("\n", "<br>")

        place = place_text(venue, lang)
        zone = ""
        if venue.timezone:
            zone = f"{text(venue.timezone)} ({text(formatting.zone_name(venue.timezone))})"
        link = ""
        if venue.website:
            link = f'<a href="{escape(venue.website, quote=True)}">{text(venue.website)}</a>'
        rows = [
            (_("Kind"), text(venue.kind.label)),
            (_("Address (local script)"), text(venue.address_local)),
            (_("Address (romanised)"), text(venue.address_romanised)),
            (_("Place"), text(place)),
            (_("Time zone"), zone),
            (_("Coordinates"), text(coordinates_text(venue) or _("none"))),
            (_("Website"), link),
            (_("Notes"), text(venue.notes)),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:12px; color:#546e7a; white-space:nowrap'>{escape(caption)}</td><td>{value}</td></tr>"
            for caption, value in rows
            if value
        )
        return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


class VenuesPage(DirectoryPage):
    #: The venue directory only.
    shows = frozenset({EntityKind.VENUE})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = VenueTableModel(ctx.db, ctx.language, self, load=False)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_text_changed)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(icon("actions/filter"), "", None)
        for kind in VenueKind:
            self.kind_filter.addItem(kind_icon("venues", kind.value), "", kind.value)
        self.kind_filter.currentIndexChanged.connect(self._kind_changed)

        self.view = record_view(QTableView(self), self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(venue_table.NAME, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(50)
        caps = {venue_table.NAME: 300, venue_table.KIND: 180, venue_table.ADDRESS: 260, venue_table.ADDRESS_ROMANISED: 260}
        self.columns = ColumnFitter(self.view, caps)  # after every reload: a new venue's name is not cut
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(lambda _index: self.edit_venue())
        self.proxy.modelReset.connect(self._selection_changed)
        self.proxy.layoutChanged.connect(self._selection_changed)

        self.new_button = QPushButton(icon("actions/add"), "", self)
        self.new_button.clicked.connect(self.new_venue)
        self.edit_button = QPushButton(icon("actions/edit"), "", self)
        self.edit_button.clicked.connect(self.edit_venue)
        self.delete_button = QPushButton(icon("actions/delete"), "", self)
        self.delete_button.clicked.connect(self.delete_venue)
        self.new_action = QAction(self)
        self.new_action.triggered.connect(self.new_venue)
        page_shortcut(self, self.new_action, NEW_KEYS, INSERT_KEYS)
        self.delete_action = self._view_action(QKeySequence.StandardKey.Delete, self.delete_venue)

        self.details = VenueDetails(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1, 1])  # half and half; the stretch factors keep it so

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.kind_filter, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(button_row(self.new_button, self.edit_button, self.delete_button))
        self.retranslate()
        self._selection_changed()

    def _view_action(self, keys: QKeySequence | QKeySequence.StandardKey, slot: object) -> QAction:
        """A key that works while the table has the focus (the window's own keys stay unambiguous)."""
        action = QAction(self.view)
        action.setShortcuts(QKeySequence.keyBindings(keys) if isinstance(keys, QKeySequence.StandardKey) else [keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    # --- page hooks ----------------------------------------------------------------------

    def page_title(self) -> str:
        return _("Venues")

    def _read(self) -> None:
        current = self.current_venue()
        self.model.reload()
        self.select_venue(current.id if current is not None else None)

    def database_changed(self) -> None:
        self.trip_id = None
        self.model.set_database(self.ctx.db)
        self.select_venue(None)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Filter as you type…"))
        self.search.setToolTip(_("Finds venues by name, city, address or contact in any language"))
        self.kind_filter.setItemText(0, _("All kinds"))
        for index, kind in enumerate(VenueKind, start=1):
            self.kind_filter.setItemText(index, kind.label)
        self.kind_filter.setToolTip(_("Show only venues of this kind"))
        self.new_button.setText(_("New venue…"))
        self.new_button.setToolTip(with_shortcut(_("Add a venue to the directory"), NEW_KEYS))
        self.edit_button.setText(_("Edit…"))
        self.edit_button.setToolTip(_("Edit the selected venue and its contacts (Enter)"))
        self.delete_button.setText(_("Delete…"))
        self.delete_button.setToolTip(_("Delete the selected venue (Delete)"))
        self.new_action.setText(_("New venue…"))
        self.delete_action.setText(_("Delete venue…"))
        self.details.retranslate()

    # --- selection -----------------------------------------------------------------------

    def current_venue(self) -> VenueData | None:
        rows = self.view.selectionModel().selectedRows()
        value = rows[0].data(OBJECT_ROLE) if rows else None
        return value if isinstance(value, VenueData) else None

    def select_venue(self, venue_id: int | None) -> bool:
        """Select the venue `venue_id` if it is listed; False (and nothing selected) if not."""
        target = QModelIndex()
        if venue_id is not None:
            row = self.model.row_of(venue_id)
            if row >= 0:
                target = self.proxy.mapFromSource(self.model.index(row, 0))
        if not target.isValid():
            self.view.clearSelection()
            self._selection_changed()
            return False
        self.view.selectRow(target.row())
        self.view.scrollTo(target)
        return True

    def _selection_changed(self, *_args: QItemSelection) -> None:
        venue = self.current_venue()
        self.edit_button.setEnabled(venue is not None)
        self.delete_button.setEnabled(venue is not None)
        self.delete_action.setEnabled(venue is not None)
        self.details.show_venue(venue)

    def _filter_text_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._selection_changed()

    def _kind_changed(self, _index: int) -> None:
        self.proxy.set_filter_value(self.kind_filter.currentData())
        self._selection_changed()

    # --- commands ------------------------------------------------------------------------

    def make_form(self, venue: VenueData | None = None) -> VenueForm:
        """The dialog for a new venue (None) or for `venue`, saving through the history."""
        if venue is None:
            return VenueForm(
                lambda data: self.ctx.history.record(_("New venue"), venues.create_venue(self.ctx.db, data)), None, self
            )
        form = VenueForm(
            lambda data: self.ctx.history.record(_("Edit venue"), venues.update_venue(self.ctx.db, data)), venue, self,
            profile_editor=lambda contact: edit_profile(self.ctx, ProfileOwner.CONTACT, contact.id or 0, contact.display, form),
        )
        return form

    def new_venue(self) -> None:
        form = self.make_form()
        form.enable_save_and_new()
        form.exec()
        if form.saved_values:  # also after Save and new, then Close: show the last one entered
            self.search.clear()
            self.kind_filter.setCurrentIndex(0)
            self.reload()
            self.select_venue(getattr(form.saved_values[-1], "id", None))

    def edit_venue(self) -> None:
        current = self.current_venue()
        if current is None or current.id is None:
            return
        try:
            fresh = venues.get_venue(self.ctx.db, current.id)  # the newest version, not the one listed
        except PlannerError as error:
            show_planner_error(self, error)
            self.reload()
            return
        form = self.make_form(fresh)
        if form.exec() == VenueForm.DialogCode.Accepted:
            self.reload()

    def delete_venue(self) -> None:
        venue = self.current_venue()
        if venue is None or venue.id is None:
            return
        name = venue.name.text(self.ctx.lang)
        answer = QMessageBox.question(
            self,
            _("Delete venue"),
            ngettext(
                "Delete the venue “{name}” with its {count} contact? You can undo this.",
                "Delete the venue “{name}” with its {count} contacts? You can undo this.",
                len(venue.contacts),
            ).format(name=name, count=len(venue.contacts)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        venue_id = venue.id
        self.ctx.history.perform(
            _("Delete venue “{name}”").format(name=name), lambda: venues.delete_venue(self.ctx.db, venue_id)
        )
        self.reload()
