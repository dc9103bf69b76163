"""An organisation's name as the subject of a sentence: "Die Landeshauptstadt Hannover lädt …", "The City of Hannover invites …".

Why no new field: the article a German or English organisation name takes
follows from its kind word (Stadt, Landeshauptstadt, GmbH and Hochschule are
feminine; Land, Ministerium and Amt neuter; a Verein masculine; "City of …",
"Ministry of …", "University of …" take "the"), and those are the names a
protocol office writes into a letter. A rule on the name every planner has
already entered is right for them without asking anyone to fill in a second
form of every name; a name the rules do not know (a company's brand) stays
bare, as such names are written. Chinese has no articles: the name is used as
it is.
"""

from __future__ import annotations

import re

from planner.domain.enums import Language

#: German kind words and their article in the nominative, by where they stand: the name's first word
#: ("Landeshauptstadt Hannover") or its last ("hannoverimpuls GmbH", "kre|H|tiv Netzwerk e.V.").
_GERMAN_FIRST: dict[str, str] = {
    "landeshauptstadt": "die", "stadt": "die", "hansestadt": "die", "freie": "die", "region": "die", "gemeinde": "die",
    "hochschule": "die", "universität": "die", "technische": "die", "handelskammer": "die", "industrie-": "die",
    "staatskanzlei": "die", "niedersächsische": "die", "botschaft": "die", "stiftung": "die", "bundesrepublik": "die",
    "land": "das", "ministerium": "das", "amt": "das", "generalkonsulat": "das", "konsulat": "das", "bundesministerium": "das",
    "stadtregierung": "die", "regierung": "die", "volksregierung": "die", "landesregierung": "die",
    "büro": "das", "landkreis": "der", "verband": "der", "verein": "der", "senat": "der", "rat": "der", "bezirk": "der",
}
_GERMAN_LAST: dict[str, str] = {
    "gmbh": "die", "ag": "die", "mbh": "die", "kg": "die", "e.v.": "der", "ev": "der", "verein": "der", "verband": "der",
    "stiftung": "die", "gesellschaft": "die", "akademie": "die", "hochschule": "die", "universität": "die", "kammer": "die",
}
#: English names that take "the": an office or a body "of" a place, and the usual kinds of institution.
_ENGLISH_THE = re.compile(
    r"^(city|state|free|federal|people's|municipal|region|district|county|ministry|office|department|chancellery|"
    r"government|embassy|consulate|university|academy|chamber|council|senate|association|foundation|"
    r"lower saxony state|bureau|commission|committee)\b",
    re.IGNORECASE,
)
_ENGLISH_THE_ANYWHERE = re.compile(
    r"\b(of|University|Association|Foundation|Institute|Council|Chancellery|Government|Ministry|Office|Bureau|Committee|Commission)\b"
)
#: Two organisations named together ("hannoverimpuls GmbH und kre|H|tiv Netzwerk e.V.") keep their names bare:
#: each would need its own article, and the verb its plural.
_JOINED = re.compile(r" / |/| und | and |&|、|与|和|, ")


def as_subject(name: str, language: Language) -> str:
    """`name` with the article it takes at the start of a sentence; unchanged where it takes none or has one."""
    text = " ".join(name.split())
    if not text or language is Language.ZH:
        return text
    if _JOINED.search(text):
        return text
    words = text.split(" ")
    if language is Language.DE:
        if words[0].casefold() in ("der", "die", "das"):
            return text[0].upper() + text[1:]
        article = _GERMAN_FIRST.get(words[0].casefold()) or _GERMAN_LAST.get(words[-1].casefold())
        return f"{article.capitalize()} {text}" if article else text
    if words[0].casefold() == "the":
        return "The" + text[3:]
    if _ENGLISH_THE.match(text) or (_ENGLISH_THE_ANYWHERE.search(text) and not re.search(r"\b(GmbH|Ltd|Inc|AG)\b", text)):
        return f"The {text}"
    return text
