"""File > Connect to a team database…: the agency's PostgreSQL server, by its details or by a full URL.

The dialog tries the connection itself and stays open with the server's
answer if it fails, so nothing typed is lost. The password goes to the
system keyring if the user wishes and there is one; where there is none,
the dialog says that the password will be asked for again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.db.credentials import DEFAULT_PORT, PasswordStore, ServerURL, parse_server_url, server_url
from planner.db.engine import Database
from planner.domain.errors import DatabaseError
from planner.i18n import N_, _

Opener = Callable[[str], Database]

NOT_A_SERVER_URL = N_("“{url}” is not a PostgreSQL URL; it starts with postgresql://")
MISSING_FIELD = N_("Please fill in the server, the database and the user name, or give a full URL.")


class ConnectionDialog(QDialog):
    """Asks for a server login, connects with `opener`, and keeps the password if asked to."""

    def __init__(self, opener: Opener, passwords: PasswordStore, parent: QWidget | None = None, known: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Connect to a team database"))
        self.setMinimumWidth(480)
        self._opener = opener
        self._passwords = passwords
        self.database: Database | None = None
        self.target = ""  # the URL that was opened, with its password
        self.password_stored = False

        intro = QLabel(_("The database your agency keeps on its PostgreSQL server. Ask your administrator for these details."), self)
        intro.setWordWrap(True)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("db.example.org")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database_name = QLineEdit(self)
        self.database_name.setPlaceholderText("planner")
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(_("Remember the password in the system keyring"), self)
        self.keyring_note = QLabel(
            _("No system keyring is available on this computer, so the password cannot be stored; you will be asked for it each time."),
            self,
        )
        self.keyring_note.setWordWrap(True)
        has_keyring = passwords.available
        self.remember.setChecked(has_keyring)
        self.remember.setEnabled(has_keyring)
        self.keyring_note.setVisible(not has_keyring)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("postgresql://user@server:5432/planner")
        self.url.textChanged.connect(self._url_changed)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.hide()

        form = QFormLayout()
        form.addRow(_("&Server:"), self.host)
        form.addRow(_("&Port:"), self.port)
        form.addRow(_("&Database:"), self.database_name)
        form.addRow(_("&User name:"), self.user)
        form.addRow(_("Pass&word:"), self.password)
        form.addRow("", self.remember)
        form.addRow(_("Or a full U&RL:"), self.url)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = self.buttons.addButton(_("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)  # outside the form: a wrapped label there gets too little height
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if known:
            self._fill_from(known)

    def _fill_from(self, target: str) -> None:
        """Start from a server the user used before (never with its password)."""
        url = parse_server_url(target)
        if url is None:
            return
        self.host.setText(url.host or "")
        self.port.setValue(url.port or DEFAULT_PORT)
        self.database_name.setText(url.database or "")
        self.user.setText(url.username or "")
        self.password.setFocus()

    def _url_changed(self, text: str) -> None:
        """A full URL takes the place of the single fields."""
        uses_url = bool(text.strip())
        for widget in (self.host, self.port, self.database_name, self.user):
            widget.setEnabled(not uses_url)

    def chosen_url(self) -> ServerURL:
        """The server login as entered; DatabaseError if it is incomplete or not a PostgreSQL URL."""
        text = self.url.text().strip()
        if text:
            url = parse_server_url(text)
            if url is None:
                raise DatabaseError(NOT_A_SERVER_URL, url=text)
            if self.password.text() and not url.password:
                url = url.set(password=self.password.text())
            return url
        host, database, user = self.host.text().strip(), self.database_name.text().strip(), self.user.text().strip()
        if not (host and database and user):
            raise DatabaseError(MISSING_FIELD)
        password = self.password.text() or self._passwords.load(server_url(host, self.port.value(), database, user)) or ""
        return server_url(host, self.port.value(), database, user, password)

    def try_connect(self) -> None:
        """Connect; on failure stay open and show why, with everything entered still there."""
        self.error.hide()
        try:
            url = self.chosen_url()
            target = url.render_as_string(hide_password=False)
            self.database = self._opener(target)
        except DatabaseError as failure:
            self.error.setText(failure.message())
            self.error.show()
            return
        self.target = target
        if url.password and self.remember.isChecked():
            self.password_stored = self._passwords.save(url, url.password)
        elif not self.remember.isChecked():
            self._passwords.forget(url)
        self.accept()
