"""Word lists the normalisation rules and the name finder share."""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of ``text``."""
    return tuple(text.split())


def words_set(text: str) -> frozenset[str]:
    """The set of whitespace-separated words of ``text``."""
    return frozenset(text.split())


MONTHS = words("January February March April May June July August September October November December")
MONTH_ABBREVIATIONS = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October",
    "Nov": "November", "Dec": "December",
}  # fmt: skip
WEEKDAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
WEEKDAY_ABBREVIATIONS = {
    "Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
    "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday",
    "Sat": "Saturday", "Sun": "Sunday",
}  # fmt: skip

# Titles that stand before a name: the period never ends a sentence.
TITLES = {
    "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor", "Sen": "Senator",
    "Rep": "Representative", "Gov": "Governor", "Gen": "General", "Lt": "Lieutenant",
    "Col": "Colonel", "Capt": "Captain", "Cmdr": "Commander", "Sgt": "Sergeant",
    "Cpl": "Corporal", "Adm": "Admiral", "Maj": "Major", "Prof": "Professor",
    "Rev": "Reverend", "Fr": "Father", "Pres": "President", "Supt": "Superintendent",
    "Insp": "Inspector", "Det": "Detective", "Amb": "Ambassador", "Atty": "Attorney",
    "Mt": "Mount", "Ft": "Fort", "Sens": "Senators", "Reps": "Representatives", "Govs": "Governors",
    "Drs": "Doctors", "Profs": "Professors", "Cllr": "Councillor", "Pte": "Private", "Pvt": "Private",
    "Cdr": "Commander", "Revd": "Reverend", "Brig": "Brigadier", "Pt": "Point",
}  # fmt: skip
# Titles British copy writes without a period ("Prof Ian Hall", "Det Sgt Amy Cole"); none is a word
# that starts a name by itself ("Gen Z"; "Sen", "Gov" and "Rev", as in a journal's "Annu Rev Med", are
# left to their periods).
TITLES_WITHOUT_PERIOD = words("Mr Mrs Ms Dr Prof Cllr Sgt Insp Supt Capt Cmdr Cdr Lt Revd Pte Det Maj Col Brig Fr")
# Abbreviations after a word; the period may also end the sentence.
SUFFIXES = {
    "Jr": "Junior", "Sr": "Senior", "Inc": "Incorporated", "Corp": "Corporation",
    "Co": "Company", "Ltd": "Limited", "Bros": "Brothers", "Dept": "Department",
    "Ave": "Avenue", "Blvd": "Boulevard", "Rd": "Road", "Univ": "University",
    "Assn": "Association", "etc": "et cetera", "approx": "approximately", "vs": "versus",
    "Apt": "Apartment",
}  # fmt: skip

# Acronyms said as words, not letters.
WORD_ACRONYMS = words_set(
    """NATO NASA UNESCO UNICEF OPEC COVID AIDS NAFTA FEMA OSHA ASEAN SCOTUS POTUS FLOTUS FIFA
    UEFA ISIS SWAT LASER RADAR SARS MERS NIMBY GIF JPEG PIN ZIP CAPTCHA OFCOM OFSTED ACAS DEFRA
    NICE MENA EFTA INTERPOL EUROPOL FRONTEX CERN IKEA LEGO SIM WASP ANZAC BAFTA NASDAQ DARPA
    ICANN TASS QANON MAGA UNITA FRELIMO HAMAS FARC ECOWAS MERCOSUR NEET OPSEC SEAL SEALS
    FOX DACA DAPA STEM AIPAC TARP NOAA CREW RAM ROM LAN WAN"""
)
# Initials that look like a word: said letter by letter even inside a headline in capitals.
SPELLED = words_set(
    """ACLU AARP AFSCME ESPN IAEA NCAA NAACP OPCW UNHCR USDA USAID OECD OSCE USMCA UNRWA FDIC
    GOP LED DOJ SEC MIT NIH SUV HIV DOT BOJ DOD NEC PAC HUD DUI MVP CEO USA"""
)
# Short capitalised words that are shouting rather than initials.
SHOUT_SHORT = words_set("NOT NO YES NOW ALL OUT BIG HOT NEW WOW OMG WHY HOW YOU AND THE")
# Words that start a sentence, so "U.S. The" ends one and "U.S. Senate" does not.
STARTERS = words_set(
    """the a an he she it they we i you but and so in on at this that these those there his her
    their its our my when while if as after before for one some many most what who why how yet
    still now then meanwhile however also no not last earlier later officials police"""
)

# Ordinary English words (lowercase): a capitalised one at a sentence start is
# not a name, and an all-capitals one is shouting.
COMMON_WORDS = words_set(
    """a about above across after again against all almost along already also although always
    am among an and another any anyone anything are around as ask at away back be because been
    before being below between both but by call came can cannot come could day days did do does
    doing done down during each early either else enough even ever every everyone everything
    few find first for four from full further get give go going gone good got great had half has
    have having he her here hers herself him himself his home how however i if in inside instead
    into is it its itself just keep kind know large last late later least less let like little
    long look made make many may me might more most much must my myself near need never new next
    no nobody none nor not nothing now of off often old on once one only onto or other others
    our ours out over own part people perhaps place put rather really right said same saw say
    says second see seen several shall she should show since so some someone something sometimes
    soon still such take than that the their theirs them themselves then there these they thing
    things think this those though three through thus time to today together tomorrow too took
    toward towards two under until up upon us use used very want was way we well went were what
    whatever when where whether which while who whole whom whose why will with within without
    would year years yes yet yesterday you your yours yourself
    again ago ahead almost amid anyway became become becomes best better big biggest break
    breaking but car care case change children city country course dead death deal died end
    ever fact family father fire first free friday government group hand head help high hope
    house however important job kill killed law leave left life live local lost lot love man
    men money month morning mother much name nation national never news night north now number
    office officials old open order over own party past pay plan play police power president
    problem public question real report rest results right rule run school season security
    service set share side small south state states still stop story street study system talk
    tax team tell test than thank thanks today top total town true turn under war water week
    west east what white woman women word work world wrong young urgent warning alert update
    live exclusive watch read more first help please never always everyone nobody why how
    officials critics workers engineers fishermen residents experts analysts witnesses
    authorities doctors nurses teachers students voters leaders protesters soldiers troops
    twice once nearly about some most many several both neither each every such"""
)
