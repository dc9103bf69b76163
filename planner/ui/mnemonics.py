"""Alt-key mnemonics chosen for a whole form at once, so no two captions share a letter in any language.

Translators would have to keep mnemonics unique per dialog in three languages,
and nothing would tell them when two clash. Instead each caption is given its
letter when the form is shown: the first letter of a word if it is free, else
any free letter of the caption, skipping the letters the dialog's buttons
already use. A caption without Latin letters (Chinese) gets a suffix "(&X)" as
Chinese desktop programs write it, with a letter of its field's English name
where one is free. No Qt here: the rule is tested on plain strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

#: "(&F)" or "（&F）" at the end of a caption, as Chinese menus and labels carry them.
_SUFFIX = re.compile(r"\s*[(（]&(.)[)）]")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def strip_mnemonic(text: str) -> str:
    """The caption without its mnemonic: "&Datei" → "Datei", "文件(&F)" → "文件"; "&&" stays one "&"."""
    text = _SUFFIX.sub("", text)
    return re.sub(r"&(.)", r"\1", text)


def mnemonic_of(text: str) -> str:
    """The upper-case letter after the single "&" of `text`, or "" if it has none."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).upper() if match else ""


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _candidates(text: str) -> list[int]:
    """Positions of the letters worth a mnemonic, best first: first letters of words, then the rest."""
    starts = [i for i, c in enumerate(text) if _is_latin(c) and (i == 0 or not text[i - 1].isalnum())]
    rest = [i for i, c in enumerate(text) if _is_latin(c) and i not in starts]
    return starts + rest


def _suffix_letter(hint: str, taken: set[str]) -> str:
    """A free letter for a "(&X)" suffix: one of the hint's (a field's English name) first, then any."""
    preferred = [hint[i].upper() for i in _candidates(hint)]
    return next((c for c in [*preferred, *_LETTERS] if c.isalpha() and c not in taken), "")


def with_mnemonic(text: str, taken: set[str], hint: str = "") -> str:
    """`text` with the best free mnemonic marked; the chosen letter is added to `taken`.

    Text with no free Latin letter (Chinese, or every letter taken) gets a
    "(&X)" suffix; if all 26 letters are taken it is returned without one.
    """
    plain = strip_mnemonic(text).replace("&", "&&")
    visible = strip_mnemonic(text)
    for position in _candidates(visible):
        letter = visible[position].upper()
        if letter not in taken and letter.isalpha():
            taken.add(letter)
            # Mark the letter at `position` in the escaped text: count the "&&" before it.
            escaped_position = position + visible[:position].count("&")
            return plain[:escaped_position] + "&" + plain[escaped_position:]
    letter = _suffix_letter(hint, taken)
    if not letter:
        return plain
    taken.add(letter)
    return f"{plain}(&{letter})"


def assign_mnemonics(texts: Sequence[str], taken: Iterable[str] = (), hints: Sequence[str] = ()) -> list[str]:
    """Each text with a mnemonic that none of the others nor `taken` (letters in use elsewhere) has.

    The texts are served in order, so list them in reading order: the first
    captions get the best letters. `hints` (optional, one per text) are the
    English names used for the letters of Chinese captions.
    """
    used = {letter.upper() for letter in taken if letter}
    hints = list(hints) + [""] * (len(texts) - len(hints))
    results = [with_mnemonic(text, used, hint) for text, hint in zip(texts, hints, strict=True)]
    return _without_needless_suffixes(texts, results, used - set(_chosen(results)), hints)


def _letters_of(text: str) -> list[str]:
    """The letters a caption can be marked with, best first, each once."""
    visible = strip_mnemonic(text)
    return list(dict.fromkeys(visible[i].upper() for i in _candidates(visible) if visible[i].isalpha()))


def _chosen(results: Sequence[str]) -> list[str]:
    return [_SUFFIX.search(r).group(1).upper() if _SUFFIX.search(r) else mnemonic_of(r) for r in results]  # type: ignore[union-attr]


def _without_needless_suffixes(texts: Sequence[str], results: list[str], fixed: set[str], hints: Sequence[str]) -> list[str]:
    """A "(&X)" after a caption that has Latin letters ("Land(&C)") looks wrong in English and German.

    The letters were served in reading order, so an earlier caption may hold
    the only letters a later one has. For each caption left with a suffix,
    look for a chain of earlier captions that can move to another letter of
    their own (an augmenting path, as in bipartite matching) so every caption
    marks a letter of its own text; where there is none, the suffix stays.
    """
    letters = [_letters_of(t) for t in texts]
    chosen = _chosen(results)
    suffixed = {index: chosen[index] for index, result in enumerate(results) if _SUFFIX.search(result)}
    owner = {letter: index for index, letter in enumerate(chosen) if letter and index not in suffixed}

    def reassign(index: int, blocked: set[str], seen: set[str]) -> bool:
        for letter in letters[index]:
            if letter in blocked or letter in seen:
                continue
            seen.add(letter)
            holder = owner.get(letter)
            if holder is None or reassign(holder, blocked, seen):
                owner[letter] = index
                return True
        return False

    for index in sorted(suffixed):
        if not _has_latin(texts[index]):
            continue  # Chinese: the suffix is how it is written
        blocked = fixed | {letter for other, letter in suffixed.items() if other != index}
        previous = dict(owner)
        if reassign(index, blocked, set()):
            del suffixed[index]
        else:
            owner = previous
    marks = {index: letter for letter, index in owner.items()}
    final = list(results)
    for index, text in enumerate(texts):
        letter = marks.get(index)
        if letter is not None and letter != mnemonic_of(results[index]):
            final[index] = _mark(text, letter)
    return final


def _has_latin(text: str) -> bool:
    return any(_is_latin(c) and c.isalpha() for c in strip_mnemonic(text))


def _mark(text: str, letter: str) -> str:
    """`text` with its best occurrence of `letter` marked (first letters of words first)."""
    plain = strip_mnemonic(text).replace("&", "&&")
    visible = strip_mnemonic(text)
    position = next(i for i in _candidates(visible) if visible[i].upper() == letter)
    escaped_position = position + visible[:position].count("&")
    return plain[:escaped_position] + "&" + plain[escaped_position:]
