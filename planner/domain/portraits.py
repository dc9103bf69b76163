"""A person's portrait as the planner stores it: a JPEG or PNG, re-encoded without any metadata.

A photo from a phone or a press office carries EXIF data: the camera, the
moment, often the GPS position where it was taken. None of that belongs in a
delegation file, so every portrait is decoded and encoded again from its
pixels alone (turned upright first, as its EXIF orientation asked) and only
the result is stored. Large photos are scaled down: a portrait on a printed
page needs a few hundred pixels, not forty megapixels in the database.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from planner.domain.errors import ValidationError
from planner.i18n import N_

#: The largest file accepted (before re-encoding).
MAX_PORTRAIT_BYTES = 2 * 1024 * 1024
#: The longest side kept; larger portraits are scaled down to it.
MAX_SIDE_PX = 1200
#: Images with more pixels than this are refused before decoding (a "decompression bomb" is a tiny file).
MAX_PIXELS = 50_000_000

JPEG = "image/jpeg"
PNG = "image/png"
_FORMATS = {"JPEG": JPEG, "PNG": PNG}
_TOO_BIG = N_("The portrait is {size} MB; it may be at most 2 MB.")
_NOT_AN_IMAGE = N_("The portrait must be a JPEG or PNG image.")


@dataclass(frozen=True, slots=True)
class Portrait:
    """Cleaned image bytes and their type (image/jpeg or image/png)."""

    data: bytes
    mime: str

    def check(self) -> None:
        """Refuse bytes that are not a clean portrait of the stated type (e.g. a tampered trip file)."""
        if self.mime not in (JPEG, PNG) or len(self.data) > MAX_PORTRAIT_BYTES:
            raise ValidationError(_NOT_AN_IMAGE, field="portrait")
        image = _open(self.data)
        if _FORMATS.get(image.format or "") != self.mime:
            raise ValidationError(_NOT_AN_IMAGE, field="portrait")
        if _metadata(image):
            raise ValidationError(N_("The portrait still carries metadata; load it again from the image file."), field="portrait")

    @property
    def size(self) -> tuple[int, int]:
        return _open(self.data).size


def clean_portrait(data: bytes) -> Portrait:
    """The image in `data` re-encoded from its pixels: no EXIF, no GPS, no comments or colour-profile text.

    Raises a ValidationError (field "portrait") for a file over 2 MB or one
    that is not a JPEG or PNG image.
    """
    if len(data) > MAX_PORTRAIT_BYTES:
        raise ValidationError(_TOO_BIG, field="portrait", size=f"{len(data) / (1024 * 1024):.1f}")
    image = _open(data)
    mime = _FORMATS.get(image.format or "")
    if mime is None:
        raise ValidationError(_NOT_AN_IMAGE, field="portrait")
    try:
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
        out = io.BytesIO()
        if mime == JPEG:
            pixels = upright.convert("RGB")
            # Fresh pixels into a fresh image: nothing of the original's info dictionary comes along.
            clean = Image.new("RGB", pixels.size)
            clean.paste(pixels)
            clean.save(out, format="JPEG", quality=90, optimize=True)
        else:
            pixels = upright.convert("RGBA" if _has_alpha(upright) else "RGB")
            clean = Image.new(pixels.mode, pixels.size)
            clean.paste(pixels)
            clean.save(out, format="PNG", optimize=True)
    except (OSError, ValueError) as exc:  # truncated or damaged image data
        raise ValidationError(_NOT_AN_IMAGE, field="portrait") from exc
    return Portrait(out.getvalue(), mime)


def _open(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise ValidationError(_NOT_AN_IMAGE, field="portrait")
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_NOT_AN_IMAGE, field="portrait") from exc
    return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _metadata(image: Image.Image) -> bool:
    """Whether the decoded image carries EXIF, XMP, comments or text chunks (JFIF/DPI basics are harmless)."""
    if image.getexif():
        return True
    harmless = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression", "adobe",
                "adobe_transform", "transparency", "gamma", "aspect"}
    return any(key not in harmless for key in image.info)
