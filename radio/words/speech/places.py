"""US states as news copy writes them: a party tag after a politician's name
("Sen. Ann Reyes (D-Calif.)", "(R-TX)", "Ann Reyes, D-Calif., said") and an AP-style state after a city
("Fresno, Calif., on Monday").

A newsreader says the tag out ("Ann Reyes, Democrat of California, said") and
the state in full; read as written, espeak says "D Calif" or "R T X". A state
abbreviation is only taken where its context makes it one (inside a party tag,
or after "City, "), so "Mass." or "Ill." elsewhere stay the words they are.
"""

from __future__ import annotations

import re

from radio.words.speech.rules import Protect, starting

# AP style (with their periods) and the postal codes, for the 50 states and the capital.
_STATES = {
    "Alabama": ("Ala.", "AL"), "Alaska": ("Alaska", "AK"), "Arizona": ("Ariz.", "AZ"),
    "Arkansas": ("Ark.", "AR"), "California": ("Calif.", "CA"), "Colorado": ("Colo.", "CO"),
    "Connecticut": ("Conn.", "CT"), "Delaware": ("Del.", "DE"), "Florida": ("Fla.", "FL"),
    "Georgia": ("Ga.", "GA"), "Hawaii": ("Hawaii", "HI"), "Idaho": ("Idaho", "ID"),
    "Illinois": ("Ill.", "IL"), "Indiana": ("Ind.", "IN"), "Iowa": ("Iowa", "IA"),
    "Kansas": ("Kan.", "KS"), "Kentucky": ("Ky.", "KY"), "Louisiana": ("La.", "LA"),
    "Maine": ("Maine", "ME"), "Maryland": ("Md.", "MD"), "Massachusetts": ("Mass.", "MA"),
    "Michigan": ("Mich.", "MI"), "Minnesota": ("Minn.", "MN"), "Mississippi": ("Miss.", "MS"),
    "Missouri": ("Mo.", "MO"), "Montana": ("Mont.", "MT"), "Nebraska": ("Neb.", "NE"),
    "Nevada": ("Nev.", "NV"), "New Hampshire": ("N.H.", "NH"), "New Jersey": ("N.J.", "NJ"),
    "New Mexico": ("N.M.", "NM"), "New York": ("N.Y.", "NY"), "North Carolina": ("N.C.", "NC"),
    "North Dakota": ("N.D.", "ND"), "Ohio": ("Ohio", "OH"), "Oklahoma": ("Okla.", "OK"),
    "Oregon": ("Ore.", "OR"), "Pennsylvania": ("Pa.", "PA"), "Rhode Island": ("R.I.", "RI"),
    "South Carolina": ("S.C.", "SC"), "South Dakota": ("S.D.", "SD"), "Tennessee": ("Tenn.", "TN"),
    "Texas": ("Texas", "TX"), "Utah": ("Utah", "UT"), "Vermont": ("Vt.", "VT"),
    "Virginia": ("Va.", "VA"), "Washington": ("Wash.", "WA"), "West Virginia": ("W.Va.", "WV"),
    "Wisconsin": ("Wis.", "WI"), "Wyoming": ("Wyo.", "WY"), "the District of Columbia": ("D.C.", "DC"),
}  # fmt: skip
# Older and variant forms seen in copy: "Cal.", "Tex.", "Penn.", "Wisc.", "Ariz" without its period.
_VARIANTS = {"Cal": "California", "Tex": "Texas", "Penn": "Pennsylvania", "Wisc": "Wisconsin", "Ken": "Kentucky"}
_PARTIES = {"D": "Democrat", "R": "Republican", "I": "Independent", "L": "Libertarian", "G": "Green"}


def _key(form: str) -> str:
    return form.replace(".", "").replace(" ", "")


_BY_FORM: dict[str, str] = {}
for _name, (_ap, _postal) in _STATES.items():
    _BY_FORM[_key(_ap)] = _name
    _BY_FORM[_postal] = _name
for _form, _name in _VARIANTS.items():
    _BY_FORM[_form] = _name
# A state written AP style with its period after "City, " ("Alaska", "Ohio" and the like are words already).
# "Washington, D.C." is said as written.
_AP_DOTTED = sorted((ap for ap, _ in _STATES.values() if ap.endswith(".") and ap != "D.C."), key=len, reverse=True)

_STATE_FORM = r"[A-Z][A-Za-z]?\.?(?:\s?[A-Z]\.?)?[a-z]{0,4}\.?"
_PARTY_TAG = starting(
    r"[\s(]",
    r"\s*\(\s*(?P<party>[DRILG])\s*[-–.]\s*(?P<state>" + _STATE_FORM + r")\s*\)(?P<after>\s*[,.;:!?]?)",
)
# AP style without brackets: "Sen. Ann Reyes, D-Calif., said", "Rep. Al Ford, R-TX."
_PARTY_COMMA = starting(
    r",",
    r"(?<=[a-z]), (?P<party>[DRILG])-(?P<state>" + _STATE_FORM.replace(r"\s?", "") + r")(?=[,;:)]|\s|$)",
)
_PARTY_COMMA_HINT = re.compile(r", [DRILG]-[A-Z]")
_CITY_STATE = starting(
    r",",
    r"(?<=[a-z]), (?P<state>" + "|".join(re.escape(ap) for ap in _AP_DOTTED) + r")(?=[\s,;:)]|$)",
)
_CITY_STATE_HINT = re.compile(r",(?<=[a-z],) [A-Z][A-Za-z.]{0,4}\.")  # from the comma: lower case is everywhere


def _state(form: str) -> str | None:
    return _BY_FORM.get(_key(form))


def _party_tag(m: re.Match[str]) -> str:
    """ "Ann Reyes (D-Calif.) said" -> "Ann Reyes, Democrat of California, said"."""
    state = _state(m["state"])
    if state is None:
        return m[0]
    tag = f", {_PARTIES[m['party']]} of {state}"
    after = m["after"].strip()
    if after:  # the sentence or clause goes on after its own mark
        return tag + after + m["after"][m["after"].index(after) + 1 :]
    if m.end() == len(m.string):
        return tag
    return tag + ", "


def _party_comma(m: re.Match[str]) -> str:
    """ "Ann Reyes, D-Calif., said" -> "Ann Reyes, Democrat of California, said"."""
    state = _state(m["state"])
    if state is None:
        return m[0]
    ends = m["state"].endswith(".") and not m.string.startswith((",", ";", ":"), m.end())
    return f", {_PARTIES[m['party']]} of {state}" + ("." if ends else "")


def _city_state(m: re.Match[str]) -> str:
    """ "Fresno, Calif., on" -> "Fresno, California, on"; the period stays where a sentence ends."""
    name = _state(m["state"])
    if name is None:
        return m[0]
    rest = m.string[m.end() :]
    ends = not rest.strip() or (rest[:1] == " " and rest.lstrip()[:1].isupper() and not rest.lstrip().startswith("I "))
    return f", {name}" + ("." if ends and m["state"].endswith(".") else "")


def us_states(text: str, protect: Protect) -> str:
    """Party tags said out, and AP-style states after a city said in full."""
    del protect  # the state names are plain words
    if "(" in text and ("-" in text or "–" in text):
        text = _PARTY_TAG.sub(_party_tag, text)
    if ", " in text and _PARTY_COMMA_HINT.search(text):
        text = _PARTY_COMMA.sub(_party_comma, text)
    if ", " in text and _CITY_STATE_HINT.search(text):
        text = _CITY_STATE.sub(_city_state, text)
    return text
