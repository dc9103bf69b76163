"""A person's or a host contact's short biography and portrait, for the briefing book and the hosts' list.

The portrait is cleaned as soon as it is chosen (planner.domain.portraits:
re-encoded from its pixels, so a phone photo's EXIF and GPS position never
reach the database) and shown as it will be stored. A file over 2 MB or one
that is no JPEG/PNG is refused beside the field, with nothing saved. Saving
is one undoable step (services.briefing.save_profile).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QPixmap
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.domain.briefing import ProfileData, ProfileOwner
from planner.domain.errors import PlannerError, ValidationError
from planner.domain.portraits import MAX_PORTRAIT_BYTES, Portrait, clean_portrait
from planner.i18n import N_, _
from planner.services import briefing
from planner.services.base import Change
from planner.ui.errors import show_planner_error
from planner.ui.pages.base import UiContext
from planner.ui.widgets.form import RecordForm

#: Opens the biography and portrait of the selected person (People page) — B as in the Programme page's briefing.
PROFILE_KEY = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_B)
#: The thumbnail's box in the form, in pixels (a passport photo's proportions).
THUMB_WIDTH, THUMB_HEIGHT = 96, 120
_UNREADABLE = N_("{path} could not be read: {reason}")


class PortraitPicker(QWidget):
    """The portrait as it will be stored, with Choose and Remove; reports a refused file to `on_error`."""

    def __init__(self, portrait: Portrait | None, on_error: Callable[[ValidationError], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.portrait = portrait
        self._on_error = on_error
        self.picture = QLabel(self)
        self.picture.setFixedSize(THUMB_WIDTH, THUMB_HEIGHT)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFrameShape(QLabel.Shape.StyledPanel)
        self.picture.setWordWrap(True)
        self.choose_button = QPushButton(_("C&hoose picture…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(_("Remo&ve picture"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(lambda: self.set_portrait(None))
        hint = QLabel(_("JPEG or PNG, at most 2 MB. Location and camera data are removed."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666666;")
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(hint)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addLayout(buttons, 1)
        self.setFocusProxy(self.choose_button)
        self.set_portrait(portrait)

    def set_portrait(self, portrait: Portrait | None) -> None:
        self.portrait = portrait
        self.remove_button.setEnabled(portrait is not None)
        if portrait is None:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(_("No picture"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(portrait.data)
        self.picture.setPixmap(pixmap.scaled(
            THUMB_WIDTH, THUMB_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation,
        ))

    def choose(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        name, _filter = QFileDialog.getOpenFileName(self, _("Choose a portrait"), start, _("Images (*.jpg *.jpeg *.png)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        """Clean and show the image in `path`; False (and the message beside the field) if it is refused."""
        try:
            size = path.stat().st_size
            if size > MAX_PORTRAIT_BYTES:
                raise ValidationError(N_("The portrait is {size} MB; it may be at most 2 MB."), field="portrait",
                                      size=f"{size / 1024 / 1024:.1f}")
            data = path.read_bytes()
            portrait = clean_portrait(data)
        except ValidationError as error:
            self._on_error(error)
            return False
        except OSError as error:
            self._on_error(ValidationError(_UNREADABLE, field="portrait", path=str(path), reason=error.strerror or str(error)))
            return False
        self.set_portrait(portrait)
        return True


class ProfileForm(RecordForm):
    """Biography (three languages) and portrait of one person or host contact."""

    def __init__(self, save: Callable[[ProfileData], object], profile: ProfileData, name: str, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.profile = profile
        self.setWindowTitle(_("Biography and portrait – {name}").format(name=name))
        self.setMinimumWidth(560)
        self.biography = self.add_localized("biography", _("Biography"), multiline=True)
        self.biography.set_value(profile.biography)
        self.picker = PortraitPicker(profile.portrait, self._refused, self)
        self.add_row("portrait", _("Portrait"), self.picker)
        hint = QLabel(_("For the briefing book and the delegation list for the hosts; never printed on participants' itineraries."), self)
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.finish_layout()
        self.biography.current().setFocus()

    def _refused(self, error: ValidationError) -> None:
        self.clear_error("portrait")
        self.show_errors([error])

    def record(self) -> ProfileData:
        return self.profile.evolve(biography=self.biography.value(), portrait=self.picker.portrait)


def edit_profile(ctx: UiContext, owner: ProfileOwner, owner_id: int, name: str, parent: QWidget | None) -> Change | None:
    """Show the profile form of a person or host contact; the change it saved, or None."""
    try:
        current = briefing.get_profile(ctx.db, owner, owner_id)
    except PlannerError as error:
        show_planner_error(parent, error)
        return None

    def save(data: ProfileData) -> Change | None:
        if data == current:
            return None  # nothing changed: no undo step
        return ctx.history.record(_("Biography and portrait of {name}").format(name=name), briefing.save_profile(ctx.db, data))

    form = ProfileForm(save, current, name, parent)
    try:
        accepted = form.exec() == QDialog.DialogCode.Accepted
    finally:
        form.deleteLater()
    return form.result_value if accepted and isinstance(form.result_value, Change) else None
