"""Word lists the quote finder reads names with: titles, honorifics, the
words that lead a sentence, and what a capitalised name can be other than a
person (a place, a people, an organisation, a month or a day)."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The words of a list written as lines of text."""
    return frozenset(text.split())


TITLE_WORDS = words(
    """
    president vice mayor minister prime secretary senator sen. rep. representative gov. governor dr. mr.
    mrs. ms. miss judge justice chief general gen. attorney speaker leader chairman chairwoman chair
    director ambassador lt. col. capt. colonel captain professor prof. rev. reverend pope king queen
    prince princess sheriff commissioner councillor councilman councilwoman deputy press spokesman
    spokeswoman spokesperson congressman congresswoman candidate former sir dame lord lady chancellor
    premier sgt. sergeant officer detective superintendent inspector coach manager ceo founder host
    anchor analyst adviser advisor strategist pollster nominee hopeful republican democrat democratic
    gop mogul businessman billionaire rev state foreign defense defence interior finance health justice
    labor labour homeland security chief-of-staff u.s. us federal
    midfielder defender striker goalkeeper winger forward skipper boss batsman bowler jockey trainer
    economist researcher scientist author novelist historian lawyer barrister solicitor executive coordinator
    """
)
HONORIFIC_GENDER = {
    "mr.": "male",
    "mr": "male",
    "mrs.": "female",
    "mrs": "female",
    "ms.": "female",
    "ms": "female",
    "miss": "female",
    "sir": "male",
    "dame": "female",
    "lord": "male",
    "lady": "female",
    "king": "male",
    "queen": "female",
    "prince": "male",
    "princess": "female",
    "congressman": "male",
    "congresswoman": "female",
    "spokesman": "male",
    "spokeswoman": "female",
    "chairman": "male",
    "chairwoman": "female",
    "councilman": "male",
    "councilwoman": "female",
    "businessman": "male",
}
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
LEADERS = (
    words(
        """
    the a an but and in on at if when as after before while so yet for with this that it he she his her
    they we i our their its then now here there last next during since until though although because
    meanwhile still also even only asked told said says according however instead later earlier today
    yesterday tonight finally
    to under from by over through without like among despite unlike within beyond behind against about into
    upon amid across toward towards around between inside outside beside besides beginning following including
    moreover furthermore nevertheless nonetheless thus hence indeed otherwise perhaps maybe back almost both
    most many some several all every each either neither no not yes well just why how what who where which
    can could do does did is are was were would should might must has have had
    """
    )
    | WEEKDAYS
)
PRONOUNS = {"he": "male", "she": "female", "him": "male", "her": "female"}
GROUP_PRONOUNS = frozenset({"they", "we", "i", "it", "you", "who", "which"})
PARTICLES = frozenset({"de", "van", "von", "der", "da", "del", "di", "bin", "al", "la", "le", "du", "ibn"})

# What a capitalised name can be other than a person.  A pronoun ("he",
# "she") never refers to one of these.
MONTHS_AND_DAYS = (
    words(
        """
    january february march april may june july august september october november december jan. feb.
    aug. sept. oct. nov. dec.
    """
    )
    | WEEKDAYS
)
# Countries, US states and large cities commonly in the news, lower-cased.
PLACES = words(
    """
    afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh
    belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china
    colombia congo croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia europe
    finland france gaza georgia germany ghana greece guatemala haiti honduras hungary iceland india
    indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait
    latvia lebanon libya lithuania luxembourg malaysia mali mexico moldova mongolia morocco myanmar
    nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru
    philippines poland portugal qatar romania russia rwanda scotland serbia singapore slovakia
    slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey
    uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe crimea africa
    asia america americas antarctica arctic balkans caribbean kremlin pentagon brussels
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas
    utah vermont virginia washington wisconsin wyoming
    london paris berlin moscow beijing tokyo kyiv kiev washington chicago boston houston dallas
    atlanta miami seattle denver phoenix detroit cleveland philadelphia baltimore manchester
    liverpool glasgow edinburgh cardiff belfast dublin madrid rome milan vienna warsaw prague budapest
    athens istanbul ankara cairo tehran baghdad damascus jerusalem beirut riyadh dubai delhi mumbai
    karachi kabul islamabad seoul pyongyang shanghai manila jakarta sydney melbourne toronto montreal
    vancouver ottawa havana caracas lima bogota brasilia nairobi lagos johannesburg geneva
    """
)
# Two-word places whose words are no place alone (lower-cased, as written).
PLACE_NAMES = frozenset(
    [
        "united states", "united kingdom", "new york", "new jersey", "new hampshire", "new mexico",
        "new zealand", "new orleans", "north carolina", "south carolina", "north dakota", "south dakota",
        "west virginia", "rhode island", "los angeles", "san francisco", "san diego", "las vegas",
        "hong kong", "saudi arabia", "south africa", "sri lanka", "north korea", "south korea",
        "el salvador", "costa rica", "puerto rico", "middle east", "white house", "capitol hill",
        "wall street", "silicon valley", "tel aviv", "buenos aires", "mexico city", "kansas city",
        "st. louis", "salt lake", "des moines", "united nations", "european union", "west bank",
    ]
)  # fmt: skip
# The last word of an organisation's or a place's name.
NOT_PERSON_WORDS = words(
    """
    party committee department ministry agency office council court senate house assembly parliament
    congress administration government commission authority board bureau institute institution
    foundation center centre university college school academy hospital church association union
    league federation alliance corporation corp. corp inc. inc co. company group bank fund trust
    network news times post journal herald tribune gazette magazine review press radio tv television
    channel service services police army navy force forces guard command campaign county city state
    states street avenue road square park bridge airport station beach island islands river lake
    mountains valley district province region republic kingdom empire coast border tower building bay
    harbour harbor port sea gulf strait canal
    hall plaza club team project program programme initiative coalition movement caucus pac report
    today daily weekly monthly act system
    studies sciences affairs research laboratory laboratories lab labs museum library society studios
    records pictures entertainment media holdings partners ventures industries systems technologies
    solutions airlines airways
    """
)
# Peoples and nationalities: "North Korean", "Ukrainians", "the British".
DEMONYMS = words(
    """
    american americans british briton britons english french german germans russian russians chinese
    japanese korean koreans ukrainian ukrainians israeli israelis palestinian palestinians iranian
    iranians iraqi iraqis syrian syrians afghan afghans pakistani pakistanis indian indians mexican
    mexicans canadian canadians european europeans african africans asian asians arab arabs turkish
    turk turks greek greeks italian italians spanish spaniard polish pole poles dutch swedish swede
    norwegian danish finnish irish scottish scot scots welsh saudi saudis egyptian egyptians libyan
    yemeni lebanese jordanian cuban cubans venezuelan brazilian argentine colombian nigerian kenyan
    ethiopian somali sudanese vietnamese filipino thai indonesian australian australians belgian swiss
    austrian hungarian czech serbian croatian bosnian albanian romanian bulgarian georgian armenian
    kurdish kurd kurds taliban muslim muslims christian christians jewish jew jews catholic catholics
    hispanic latino latina latinos republicans democrats conservative conservatives liberal liberals
    southern northern eastern western soviet
    """
)
# Words of that list that are also common surnames: after a known first name
# they end a person's name ("Monty Hall", "Emily Post").
SURNAME_LIKE = words("hall park church lake post house street bridge tower banks")

# a chunk before the verb that is an adverbial, never a speaker: "Without fumigants, farmers say", "In 2019, ..."
NOT_SUBJECT_OPENING = (
    "in ", "on ", "at ", "during ", "after ", "speaking", "without ", "with ", "for ", "from ", "before ",
    "despite ", "unlike ", "under ", "since ", "until ",
)  # fmt: skip
TIME_HEADS = words("morning afternoon evening night day days week weeks weekend month months year years time hour")
