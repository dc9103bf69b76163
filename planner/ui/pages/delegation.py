"""The Delegation page: who travels on the selected trip, in which role, in the order of precedence.

The list is never sorted by a column: its order IS the protocol order, which
every document follows, and moving members up or down changes it. With a
filter on, a move swaps a member with the neighbour the user can see, while
the hidden members keep their places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import MembershipData, TripData
from planner.domain.enums import Role
from planner.domain.sides import SideDefaults, home_country_for_interface, side_defaults
from planner.domain.errors import PlannerError
from planner.i18n import _, ngettext
from planner.domain.protocol import VisaData
from planner.services import delegation, people, protocol, trips
from planner.domain.changes import Change, EntityKind
from planner.domain.members import Member
from planner.ui.errors import show_planner_error
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.member_table import VISA, MemberTableModel
from planner.ui.keyboard import ADD_KEYS, IMPORT_KEYS, INSERT_KEYS, NEW_KEYS, page_shortcut, with_shortcut
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.undo import perform_batch, perform_each
from planner.ui.pages.people import (
    DirectoryPicker,
    record_table,
    select_source_rows,
    selected_records,
    show_refusals,
    tool_button,
)
from planner.ui.widgets.column_fit import ColumnFitter
from planner.ui.widgets.person_form import MemberForm, MemberRecord
from planner.ui.widgets.protocol_forms import VisaForm


def moved(ids: Sequence[int], chosen: set[int], step: int) -> list[int]:
    """`ids` with each chosen one swapped with its neighbour `step` (-1 up, +1 down) if that is not chosen.

    A block of chosen members moves together, and one already at the edge stays.
    """
    result = list(ids)
    positions = range(len(result)) if step < 0 else range(len(result) - 1, -1, -1)
    for i in positions:
        j = i + step
        if result[i] in chosen and 0 <= j < len(result) and result[j] not in chosen:
            result[i], result[j] = result[j], result[i]
    return result


class DelegationPage(TripPage):
    #: The members with their people, roles, order and visas, and the trip (its days bound the stays).
    shows = frozenset({
        EntityKind.TRIP, EntityKind.MEMBERSHIP, EntityKind.PERSON, EntityKind.DELEGATION, EntityKind.DELEGATION_ORDER, EntityKind.VISA,
    })

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = MemberTableModel(ctx.db, None, ctx.language, self)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.count = QLabel(self)
        self.view = record_table(self, self.proxy)
        self.columns = ColumnFitter(self.view)  # names added later are not cut
        self.view.activated.connect(lambda index: self.edit_visa() if index.column() == VISA else self.edit_member())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())

        style = self.style()
        self.add_action = self._action(self.add_from_directory)
        self.new_action = self._action(self.new_person)
        self.import_action = self._action(self.import_members)
        page_shortcut(self, self.add_action, ADD_KEYS)
        page_shortcut(self, self.new_action, NEW_KEYS, INSERT_KEYS)
        page_shortcut(self, self.import_action, IMPORT_KEYS)
        self.paste_action = self._action(lambda: self.paste_names(), QKeySequence.keyBindings(QKeySequence.StandardKey.Paste))
        self.edit_action = self._action(self.edit_member)
        self.visa_action = self._action(self.edit_visa)
        self.remove_action = self._action(self.remove_members, QKeySequence.keyBindings(QKeySequence.StandardKey.Delete))
        self.print_action = self._action(self.print_itineraries)
        self.up_action = self._action(lambda: self.move(-1), [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Up)])
        self.up_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.down_action = self._action(lambda: self.move(1), [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Down)])
        self.down_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.view.addActions([
            self.add_action, self.new_action, self.import_action, self.paste_action, self.edit_action, self.visa_action, self.remove_action, self.up_action,
            self.down_action,
        ])
        separator = QAction(self)
        separator.setSeparator(True)
        self.view.addActions([separator, self.print_action])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(tool_button(self, self.print_action))  # here, where the filter field can give way
        # A tool bar, not a row of buttons: in German the labels alone are wider than a small
        # screen, and a tool bar folds what does not fit into its » menu instead of widening the window.
        buttons = QToolBar(self)
        buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.add_action, self.new_action, self.import_action, self.edit_action, self.visa_action, self.remove_action):
            buttons.addAction(action)
        # Pasting names is the import's other source: on the Import button's arrow, so the bar gets no wider.
        import_button = buttons.widgetForAction(self.import_action)
        if isinstance(import_button, QToolButton):
            sources = QMenu(import_button)
            sources.addActions([self.import_action, self.paste_action])
            import_button.setMenu(sources)
            import_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        spacer = QWidget(buttons)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        buttons.addWidget(spacer)
        for action in (self.up_action, self.down_action):
            buttons.addAction(action)
            button = buttons.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self._update_actions()

    def _action(self, slot: Callable[[], None], keys: Iterable[QKeySequence] = ()) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        keys = list(keys)
        if keys:
            action.setShortcuts(keys)
            # Only while the list has the focus: Delete in the filter field deletes text, not members.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return action

    def page_title(self) -> str:
        return _("Delegation")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Filter as you type…"))
        self.search.setToolTip(_("Finds members by name, role, organisation or function, in any language"))
        self.add_action.setText(_("Add from directory…"))
        self.add_action.setToolTip(with_shortcut(_("Add people from the people directory to this delegation"), ADD_KEYS))
        self.new_action.setText(_("New person…"))
        self.new_action.setToolTip(with_shortcut(_("Enter a person who is not yet in the directory and add them"), NEW_KEYS))
        self.import_action.setText(_("Import members from a spreadsheet…"))
        self.import_action.setIconText(_("Import list"))  # the button's shorter caption; the context menu shows the full one
        self.import_action.setToolTip(
            with_shortcut(_("Add the people of a member list (CSV or Excel) to this delegation, after a preview"), IMPORT_KEYS)
        )
        self.paste_action.setText(_("Paste names…"))
        self.paste_action.setToolTip(
            _("Add the people of a pasted list (lines of a mail or spreadsheet cells) to this delegation, after a preview (Ctrl+V)")
        )
        self.edit_action.setText(_("Edit…"))
        self.visa_action.setText(_("Visa…"))
        self.visa_action.setToolTip(_("Record whether the selected member needs a visa, and when it was applied for and granted"))
        self.remove_action.setText(_("Remove from delegation"))
        self.remove_action.setToolTip(_("Take the selected members off this trip; they stay in the people directory"))
        self.print_action.setText(_("Print itineraries for selected…"))
        self.print_action.setToolTip(_("Print or save the personal itineraries of the selected members"))
        self.up_action.setText(_("Move up"))
        self.up_action.setToolTip(_("Move up in the order of precedence (Ctrl+Up)"))
        self.down_action.setText(_("Move down"))
        self.down_action.setToolTip(_("Move down in the order of precedence (Ctrl+Down)"))
        self._update_count()

    # --- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        keep = [m.id for m in self.selected_members()] if self.model.trip_id == self.trip_id else []
        if self.model.db is not self.ctx.db:
            self.model.set_database(self.ctx.db)
        self.model.set_trip(self.trip_id)
        self.select_members(keep)
        self._update_actions()

    def selected_members(self) -> list[Member]:
        return [m for m in selected_records(self.view) if isinstance(m, Member)]

    def select_members(self, membership_ids: Iterable[int]) -> None:
        self.bring_up_to_date()  # members just added while the page was behind another tab are listed first
        select_source_rows(self.view, self.proxy, (self.model.row_of(i) for i in membership_ids))

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_actions()

    def _update_actions(self) -> None:
        has_trip = self.trip_id is not None
        selected = self.selected_members()
        for action in (self.add_action, self.new_action, self.import_action, self.paste_action):
            action.setEnabled(has_trip)
        self.edit_action.setEnabled(len(selected) == 1)
        self.visa_action.setEnabled(len(selected) == 1)
        self.remove_action.setEnabled(bool(selected))
        self.print_action.setEnabled(bool(selected))
        visible = self._visible_ids()
        chosen = {m.id for m in selected}
        self.up_action.setEnabled(bool(chosen) and moved(visible, chosen, -1) != visible)
        self.down_action.setEnabled(bool(chosen) and moved(visible, chosen, 1) != visible)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            self.count.setText(ngettext("{count} member", "{count} members", total).format(count=total))
        else:
            self.count.setText(_("{shown} of {total} shown").format(shown=shown, total=total))

    def _visible_ids(self) -> list[int]:
        return [self.model.member(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).id for row in range(self.proxy.rowCount())]

    # --- changes ------------------------------------------------------------------------

    def run_form(self, form: QDialog) -> bool:
        """Show a dialog modally; True if the user confirmed it."""
        return form.exec() == QDialog.DialogCode.Accepted

    def add_from_directory(self) -> None:
        if self.trip_id is None:
            return
        picker = DirectoryPicker(self.ctx.db, self.model.person_ids(), self)
        if not self.run_form(picker):
            return
        trip_id, role, db = self.trip_id, picker.chosen_role(), self.ctx.db
        ids = picker.selected_person_ids()

        def text(count: int) -> str:
            return ngettext("Add {count} person to the delegation", "Add {count} people to the delegation", count).format(count=count)

        changes, errors = perform_batch(self.ctx.history, text, lambda: delegation.add_members(db, trip_id, ids, role))
        show_refusals(self.ctx.window(), errors)
        self.search.clear()
        self.select_members(c.id for c in changes)

    def new_person(self) -> None:
        if self.trip_id is None:
            return
        db, trip_id = self.ctx.db, self.trip_id
        added: list[int] = []

        def save(record: MemberRecord) -> Change:
            checked = record.validated()
            created: list[int] = []

            def create() -> Change:
                change = people.create_person(db, checked.person)
                created.append(change.id)
                return change

            def add() -> Change:
                return delegation.add_member(db, checked.membership.evolve(trip_id=trip_id, person_id=created[0]))

            text = _("New member {name}").format(name=checked.person.name)
            changes, errors = perform_each(self.ctx.history, text, [create, add], stop_on_error=True)
            if not changes:
                raise errors[0]  # nothing saved: the form stays open and shows why
            if errors:  # the person is in the directory, but could not join the trip
                show_planner_error(self.ctx.window(), errors[0])
            added.extend(c.id for c in changes if c.entity == "membership")
            return changes[0]

        membership = MembershipData(trip_id=trip_id, role=Role.MEMBER)
        trip = trips.get_trip(db, trip_id)
        form = MemberForm(save, membership, None, trip, self, defaults=self.side_defaults(trip))
        form.enable_save_and_new()
        self.run_form(form)
        if added:  # also after Save and new, then Close
            self.search.clear()
            self.select_members(added)

    def side_defaults(self, trip: TripData) -> Callable[[Role], SideDefaults]:
        """Language and nationality for a new person with a role on `trip`, from the members as they are then."""
        home = home_country_for_interface(self.ctx.lang)

        def defaults(role: Role) -> SideDefaults:
            members = [(m.membership.role, m.person) for m in self.model.members()]
            return side_defaults(trip, role, members, home)

        return defaults

    def import_members(self, path: Path | None = None) -> None:
        """Import members from a spreadsheet (a file chosen in a dialog, unless `path` is given)."""
        from planner.ui.widgets.member_import_dialog import import_members_with_dialog

        if self.trip_id is None:
            return
        try:
            title = trips.get_trip(self.ctx.db, self.trip_id).title.text(self.ctx.lang)
        except PlannerError as error:  # deleted in another window meanwhile
            show_planner_error(self.ctx.window(), error)
            return
        change = import_members_with_dialog(
            self, self.ctx.history, self.ctx.settings, self.ctx.language, self.trip_id, title,
            path,
        )
        if change is not None:
            self.search.clear()
            self.select_members(c.id for c in change.related if c.entity == "membership")

    def paste_names(self, text: str | None = None) -> None:
        """Add the people of pasted text (the clipboard's, unless `text` is given) after the import preview, as one undo step."""
        from planner.ui.widgets.member_import_dialog import paste_names_with_dialog

        if self.trip_id is None:
            return
        if text is None:
            text = QGuiApplication.clipboard().text()
        try:
            trip = trips.get_trip(self.ctx.db, self.trip_id)
        except PlannerError as error:  # deleted in another window meanwhile
            show_planner_error(self.ctx.window(), error)
            return
        side = self.side_defaults(trip)(Role.MEMBER)
        change = paste_names_with_dialog(
            self, self.ctx.history, self.ctx.language, self.trip_id, trip.title.text(self.ctx.lang), text, side,
        )
        if change is not None:
            self.search.clear()
            self.select_members(c.id for c in change.related if c.entity == "membership")

    def edit_member(self) -> None:
        chosen = self.selected_members()
        if len(chosen) != 1 or self.trip_id is None:
            return
        member, db = chosen[0], self.ctx.db

        def save(record: MemberRecord) -> Change | None:
            checked = record.validated()
            actions: list[Callable[[], Change]] = []
            if checked.person != member.person:
                actions.append(lambda: people.update_person(db, checked.person))
            if checked.membership != member.membership:
                actions.append(lambda: delegation.update_member(db, checked.membership))
            text = _("Edit {name}").format(name=member.person.name)
            changes, errors = perform_each(self.ctx.history, text, actions, stop_on_error=True)
            if errors:
                raise errors[0]
            return changes[-1] if changes else None

        form = MemberForm(save, member.membership, member.person, trips.get_trip(db, self.trip_id), self)
        self.run_form(form)

    def edit_visa(self) -> None:
        """The visa of the selected member: status and dates, saved as one undoable step."""
        chosen = self.selected_members()
        if len(chosen) != 1:
            return
        member, db = chosen[0], self.ctx.db
        visa = self.model.visa(member.id) or VisaData(membership_id=member.id)
        text = _("Visa of {name}").format(name=member.person.name)

        def save(data: VisaData) -> Change:
            return self.ctx.history.record(text, protocol.save_visa(db, data))

        self.run_form(VisaForm(save, visa, member.person.full_name, self))

    def print_itineraries(self) -> None:
        """The print and export dialog with the selected members' itineraries chosen."""
        chosen = [m.id for m in self.selected_members()]
        if self.trip_id is None or not chosen:
            return
        from planner.ui.file_actions import open_print_dialog  # the dialog is loaded on first use

        open_print_dialog(self.ctx, self.trip_id, chosen)

    def remove_members(self) -> None:
        chosen = self.selected_members()
        if not chosen:
            return
        db = self.ctx.db
        if len(chosen) == 1:
            text = _("Remove {name} from the delegation").format(name=chosen[0].person.name)
        else:
            text = _("Remove {count} members from the delegation").format(count=len(chosen))
        ids = [m.id for m in chosen]
        _changes, errors = perform_batch(self.ctx.history, text, lambda: delegation.remove_members(db, ids))
        show_refusals(self.ctx.window(), errors)

    def move(self, step: int) -> None:
        """Move the selected members one place up (-1) or down (+1) in the order of precedence."""
        chosen = {m.id for m in self.selected_members()}
        if self.trip_id is None or not chosen:
            return
        visible = self._visible_ids()
        new_visible = moved(visible, chosen, step)
        if new_visible == visible:
            return
        order = [m.id for m in self.model.members()]
        slots = [i for i, membership_id in enumerate(order) if membership_id in set(visible)]
        for slot, membership_id in zip(slots, new_visible, strict=True):
            order[slot] = membership_id
        names = [m.person.name for m in self.selected_members()]
        if len(names) == 1:
            text = (_("Move {name} up") if step < 0 else _("Move {name} down")).format(name=names[0])
        else:
            text = (_("Move {count} members up") if step < 0 else _("Move {count} members down")).format(count=len(names))
        db, trip_id = self.ctx.db, self.trip_id
        self.ctx.history.perform(text, lambda: delegation.reorder_members(db, trip_id, order))
        self.select_members(chosen)
        self._update_actions()
