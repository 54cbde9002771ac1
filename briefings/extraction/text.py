"""From a pasted article to clean sentences: page furniture off, dateline and sources read.

Pasted web pages carry navigation ("Skip to main content"), a headline, a dateline and credits;
only the body's sentences describe events. Sentences are split into clauses so that a quoted
forecast ("... will have 5,000 fighters") or an attribution ("residents said") does not lend its
words to the event beside it.
"""

from __future__ import annotations

import datetime as dtm
import re
from dataclasses import dataclass

from briefings.extraction.dates import ABSOLUTE, WEEKDAY_SHORT, calendar_date, header_date
from briefings.extraction.records import Record, read_record, read_row, table_columns

# News outlets recognised in "According to X", "X reported", "told X", "(X)" and credits.
OUTLETS = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Yahoo", "BBC",
    "Al Jazeera", "Al-Jazeera", "Rudaw", "Kurdistan 24", "Shafaq News", "Xinhua", "CNN",
    "New York Times", "Washington Post", "Al-Monitor", "The Guardian", "Guardian", "Anadolu",
    "Human Rights Watch", "Amnesty International", "Iraqi News Agency", "Alsumaria", "ISW",
    "Institute for the Study of War", "Long War Journal", "UN", "OCHA", "UNAMI", "Baghdad Today",
    "The National", "Arab News", "Middle East Eye", "The New Arab", "Kurdistan24",
)
_OUTLET = "|".join(re.escape(name) for name in sorted(OUTLETS, key=len, reverse=True))
SOURCE_PATTERNS = (
    re.compile(r"(?im)^\s*(?:source|sources|credit)s?:\s*(?P<name>[A-Z][\w.&'-]*"
               r"(?:\s+(?!Image\b|Photo\b|Picture\b|via\b)[A-Z0-9][\w.&'-]*)*)"),
    re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<name>{_OUTLET})\b", re.I),
    re.compile(rf"\b(?P<name>{_OUTLET})\s+(?:reported|reports|said|says)\b"),
    re.compile(rf"\btold\s+(?:the\s+)?(?P<name>{_OUTLET})\b"),
    re.compile(rf"\((?P<name>{_OUTLET})\)"),
    re.compile(rf"(?m)^\s*(?P<name>{_OUTLET})\s*/"),  # "Shafaq News/ Two people were killed ..."
)
_OUTLET_PREFIX = re.compile(rf"^(?:{_OUTLET})\s*/\s*")
BOILERPLATE = re.compile(
    r"(?i)^\s*(?:skip to (?:main )?content|popular videos?|advertisement|share this|"
    r"read more|related|image via|photo:|sign up|subscribe|key take-?aways?:|"
    r"assessment:|analysis:|background:|editor['’]s note|tags:|\(c\)|©|copyright|bottom\s+line:|"
    r"highlights:|overview:|in\s+brief:|key\s+points:|advice:|recommendations?:)"
)
# Put before a sentence read for its dates and places, not its events: a summary's or a
# timeline's month heading (FRAME_MARK), or a diary entry's or a post's heading ("Tuesday, 10 June
# 2014", "[21.10.16 06:48]": ENTRY_MARK), whose day is also what "today" in the entry counts from.
FRAME_MARK = "[frame] "
ENTRY_MARK = "[entry] "
# Put before an incident record's perpetrator field ("riot police"): who did what its narrative
# tells, when the narrative leaves it unnamed ("an aircraft struck the house").
BY_MARK = "[by] "
# A report's summary, as a heading ("Summary" on a line of its own) or a lead-in ("Summary: ...").
SUMMARY = re.compile(r"(?i)summary:\s")
# A timeline's heading "January 2020": the year of the entries under it.
MONTH_HEADING = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(?P<year>(?:19|20)\d\d)$", re.I)
CREDIT_LINE = re.compile(r"(?i)^\s*(?:source|sources|credit|credits)\s*:")
_CITY = r"[A-Z][A-Z'’.\-/ ]+(?:,\s*[A-Z][A-Za-z.]+)*"  # "BAGHDAD/FALLUJA, Iraq"
_AGENCY = r"\([A-Za-z .]+\)"
_DASH = r"(?:[—–-]+|//)"  # "BAGHDAD // ..." as The National writes it
_TITLE_CITY = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"  # a press release's "Baghdad, 12 May 2016 –"
DATELINE = re.compile(
    rf"^(?:(?:{_CITY}|{_TITLE_CITY})\s*(?:{_AGENCY})?\s*(?:,|{_DASH})\s*)?"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?)"
    rf"\s*(?:{_AGENCY})?\s*(?:{_DASH}\s*|$)"
)
_CITY_ONLY = re.compile(  # a city's name has a run of capitals ("BAGHDAD"; not "A U.S. F-15")
    rf"^(?=[A-Z'’./ -]*[A-Z]{{3}}){_CITY}\s*(?:{_AGENCY})?\s*(?:,|{_DASH})\s*")
_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "jr", "sr", "gov",
    "rep", "sen", "prof", "vs", "etc", "u.s", "u.n", "u.k", "incl", "approx", "brig", "cpl",
    "pvt", "pvts", "pte", "adm",
})
_SENTENCE_END = re.compile(  # and its footnote: "[7]", or "children.3" in a PDF's text
    r"[.!?][\"”’)]?(?:\[\d{1,3}\]|(?<=[a-z][.!?])\d{1,3})*\s+(?=[\"“‘(]?[A-Z0-9])")
# Where a sentence breaks into clauses that may say different things.
CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\.\.\.|…|,\s+(?=a\s+claim\b)|,?\s+and\s+that\b|,\s+while\b|,\s+but\b|,\s+whereas\b|"
    r"[\"”]?,?[\"”]?\s+(?:adding|noting|pointing\s+out|explaining|stressing|indicating|saying)\s+"
    r"that\s+[\"“]?|"
    r",\s+and\s+(?=the\s+\w+\s+(?:forces|of)\b)|"
    r",\s+and\s+(?=(?:a|an|another)\s+(?:[\w-]+\s+){0,2}(?:bomb|blast|explosion|rocket|mortar|"
    r"drone|suicide\s+bomber|IED)\b))\s*"  # "..., and a roadside bomb killed a soldier ..."
)
# "..., police said." / "Officials said ..." / "... according to a local official."
_TOLD_OUTLET = r"told\s+(?:the\s+)?[A-Z0-9](?:(?!\bthat\b)[^,;\x22“]){0,80}?"  # "told The New Arab"
_TOLD_US = (r"told\s+(?:our|this|the|a)\s+(?:[\w-]+\s+)?(?:agency|newspaper|website|reporter|"
            r"correspondent|channel|network|radio)")  # "..., a police source told our agency."
_TITLE = (r",\s+(?:[\w’'.-]+\s+){0,3}(?:chief|head|commander|mayor|governor|spokesm[ae]n|official|"
          r"director|leader)\s+(?:of|in|for)\s[^,]{1,40}")  # ", police chief of Rashad"
ATTRIBUTIONS = (
    re.compile(rf",?\s*(?:[\w’'-]+\s+){{0,11}}?(?:said|says|say|{_TOLD_OUTLET}|{_TOLD_US}|reported|added)"
               r"(?:\s+(?:on\s+\w+|in\s+a\s+(?:statement|press\s+conference)))?"
               r"(?:,\s+without\s+(?:giving|providing|elaborating|further)[^.]*)?\s*[.!]?$"),
    re.compile(r",?\s*(?:[\w’'-]+\s+){0,8}?(?:said|says|reported),\s+(?=\w+ing\b)"),
    re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,4}?(?:said|says|reported|told\s+\w+),\s+"
               r"(?=(?:the|a|an|in|as|after|which|who|and)\b)"),
    re.compile(r"^(?:(?:In|On|At|Meanwhile|Separately|Elsewhere|Also)\b[^,]{0,40},\s+)?"
               r"(?:[A-Za-z][\w’'.-]*(?:\s+(?!(?:who|whom|which|that)\s+(?:it|they|he|she)\s)"
               r"[\w’'.-]+){0,10}?)"  # not
               r"(?:,\s+(?:who|which)\s[^,]{1,60},|"  # "arrested four men in Baquba who it said"
               rf"(?:{_TITLE})?,\s+(?:north|south|east|west)\w*\s+of\s[^,]{{1,40}},|{_TITLE},)?"
               r"\s+(?:said|says|say|told(?:\s+[A-Z][\w.]*){1,4}|told\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}"
               r"(?:network|agency|reporters|journalists|newspaper|channel|website|television|TV|radio)|"
               r"reported|revealed|announced|stated|confirmed|added)(?!,?\s+(?:late\s+|early\s+)?"
               r"(?i:on\s|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|today\b|yesterday\b))"
               r"(?:\s+that)?\s+[\"“]?(?=[A-Za-z\d])"),  # "said on Monday" keeps its day
    re.compile(r"(?i),?\s*according\s+to\s+(?:[^,.]|(?<=\b[A-Z])\.)+"  # "U.S. officials"
               r"(?:,\s+(?:(?:(?-i:[A-Z])|al-|el-)[\w'’-]*\.?\s*){1,5}(?=[.!]?$))?"),  # ", Sheikh
    # Faisal al-Jughaifi"
    # "..., in what police believe was a revenge attack"
    re.compile(r"(?i),?\s*in\s+what\s+[^,.]{0,60}?\b(?:believe|believed|say|said|described|called|"
               r"considered?)\b[^,.]*"),
    # who gave the figures: "Police sources gave 12 dead; a hospital source gave nine."
    re.compile(r"(?i)(?:^|(?<=[;,])\s*)[^;,.]{0,40}?\b(?:sources?|officials?|police|ministry|"
               r"hospital|medics?|morgue)\s+(?:gave|put\s+the\s+(?:death\s+)?toll\s+at)\s+"
               r"(?:a\s+(?:death\s+)?toll\s+of\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|"
               r"nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|dozens|hundreds)\b[^;.]*"),
    # a bulletin's bracketed source: "... wounding the driver (police source)."
    re.compile(r"(?i)\s*\((?:[\w’'.-]+\s+){0,5}?(?:sources?|officials?|statement|media|council|"
               r"command|ministry|spokesm[ae]n|police|agency|reports?|JOC|CJTF-OIR|u)\)\s*[.!]?$"),
)
# "Maysan Police Command announced on Monday the arrest of ...": the speaker arrested them.
ANNOUNCED_ARREST = re.compile(
    r"^(?P<lead>(?:(?:Meanwhile|Separately|Also|For\s+its\s+part|"
    r"On\s+\w+(?:\s+(?:morning|afternoon|evening|night))?),\s+)?)"
    r"(?P<who>(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:of\s+)?[A-Z][\w’'.-]*"
    r"(?:\s+[\w’'.-]+){0,6}?)\s+announced,?(?P<when>\s+(?:on\s+)?(?:today|\w+day))?,?\s+the\s+"
    r"arrest\s+of\b")
# "Police in Basra said on Monday they had detained ...": the speaker is who acted.
SPEAKER_ACTED = re.compile(
    r"^(?:[A-Z][\w’'.-]*\s+(?:notes|noted|says|said|reports|reported)\s+that\s+)?"  # "UNAMI notes
    r"(?P<who>[A-Za-z][\w’'.-]*(?:\s+[\w’'.-]+){0,8}?)\s+(?:said|says|announced|reported)"  # that"
    r"(?P<when>\s+(?:late\s+|early\s+)?on\s+\w+|\s+this\s+(?:morning|afternoon|evening)|"
    r"\s+(?:today|yesterday))?(?:\s+that)?\s+(?:they|it)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?=\w+ed\b)"
)
LEADING_ATTRIBUTION = re.compile(
    r"^(?P<who>(?:[A-Z][\w’'.-]*)(?:\s+[\w’'.-]+){0,8}?)\s+(?:said|says|say|"
    r"reported(?:\s+on\s+\w+day)?(?=\s+that\b))(?:\s+that)?\s+"
    r"(?P<what>[a-z].*|(?<=that\s)[A-Z].*)$"
)
QUOTE = re.compile(
    r"^[\"“](?P<quote>.+?)[,.]?[\"”],?\s+(?:(?:said|says|added)\s+(?P<after>[^,.]+)|"
    r"(?P<before>[^,.]+?)\s+(?:said|says|added))(?P<rest>.*)$"
)


@dataclass(frozen=True)
class Body:
    """An article's text split into its parts."""

    paragraphs: tuple[tuple[str, ...], ...]  # sentences, by paragraph
    dateline: dtm.date | None
    source: str | None
    headline: str = ""  # where a report's first event happens when its text says "the town"
    city: str = ""  # the dateline's city ("BAGHDAD, Oct. 28 —"): the scene when nothing else is
    year: int | None = None  # the year a stamp or the title gives ("Timeline: ..., May-June 2016")


def read_article(text: str, year: int) -> Body:
    """Split *text* into paragraphs of sentences; read its dateline (years default to *year*)."""
    source = find_source(text)
    raws = _across_pages(re.split(r"\n\s*\n|\r\n\s*\r\n", text))
    stamped = _stamp(raws, year)  # "Rudaw | 23-09-2021", "Published on 20-10-2022"
    titled = _title_year(raws)
    year = stamped.year if stamped else titled or year
    blocks = _blocks(raws, year)
    dateline = None
    paragraphs = []
    headline = city = ""
    advice = False  # under a heading of what the writer assesses or advises, not news
    timeline = sum(isinstance(block, str) and bool(_DATED_LINE.match(block))
                   for block in blocks) >= 3  # "May 22 - ..."
    for index, block in enumerate(b for b in blocks if b):
        if isinstance(block, Record):
            paragraphs += _record_paragraphs(block)
            continue
        if not paragraphs and not city and (found := _DATELINE_CITY.match(block)):
            city = found.group("city")
        if not paragraphs and (found := _OUTLET_DATELINE.match(block)):
            city, block = found.group("city"), block[found.end():]  # "Baghdad, Asharq Al-Awsat—"
        if dateline is None and index < 4 and not paragraphs and not (
                timeline and _DATED_LINE.match(block)):
            found, rest = _strip_dateline(block, year)  # a timeline's first entry is no dateline
            if not (found and stamped and found < stamped):  # not a timeline's first entry
                dateline, block = found, rest  # ("8 July 2018 – ...") under "Published 27 ..."
        elif dateline is not None and not paragraphs and (found := DATELINE.match(block)) and \
                _strip_dateline(block, year)[0] == dateline:  # a release's "Oct. 20, 2016"
            block = block[found.end():]  # over its "SOUTHWEST ASIA, Oct. 20, 2016 - On ..."
        if not block or BOILERPLATE.match(block):
            continue
        if _ADVICE_HEADING.match(block):
            advice = True  # an advisory's "ASSESSMENT", a report's "Recommendations"
            continue
        if advice and _ENDS_SENTENCE.search(block):
            continue  # its forecasts and advice, up to the next heading
        advice = False
        if summary := SUMMARY.match(block):  # a report's own summary: its dates count, its
            paragraphs.append(tuple(  # events are the items' below ("on Friday 25 October")
                FRAME_MARK + s for s in split_sentences(block[summary.end():])))
            continue
        if head := _later_dateline(block, first=not paragraphs):  # a caption's or a wire item's own
            paragraphs.append((ENTRY_MARK + head.group("date"),))  # "KARBALA, IRAQ - NOVEMBER
            block = block[head.end():]  # 04: ...": its "late on Sunday" counts from it
        block = _as_post(block)
        if not _ENDS_SENTENCE.search(block):  # a headline, byline, menu or caption
            if (paragraphs or dateline or _DATED_LINE.match(block) or (
                    stamped and header_date(block, year) != stamped)) and \
                    _dated_header(block, year):  # not the stamp itself: "December 1, 2020 2:47 PM"
                paragraphs.append((ENTRY_MARK + block,))  # or the day the next entry is of
            elif paragraphs and MONTH_HEADING.match(block):  # or a timeline's "January 2020"
                paragraphs.append((FRAME_MARK + block,))
            elif not paragraphs:
                headline = _better_headline(headline, block)
            continue
        paragraphs.append(tuple(split_sentences(block)))
    dateline = dateline or stamped or _told_on(paragraphs[:1], year)
    return Body(tuple(paragraphs), dateline, source, headline, city,
                stamped.year if stamped else titled)


# The heading of a section that assesses or advises ("3. ASSESSMENT", "ADVICE TO NGOs",
# "Recommendations"): what follows it forecasts, it does not report.
_ADVICE_HEADING = re.compile(
    r"(?i)^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:security\s+|threat\s+|risk\s+)?(?:assessment|outlook|"
    r"forecast)|analyst\s+comment|(?:travel\s+)?advice(?:\s+to\s+[\w\s]{2,30})?|recommendations?"
    r"(?:\s+(?:to|for)\s+[\w\s]{2,40})?|mitigation(?:\s+measures)?|guidance)\s*:?\s*$")


def _later_dateline(block: str, first: bool) -> re.Match | None:
    """The dateline opening a caption ("BAGHDAD, IRAQ - OCTOBER 25: ...") or a wire item after
    the *first* ("KARBALA, Iraq, Nov. 4 (Reuters) - ..."), with its city and day."""
    if found := _CAPTION_DATELINE.match(block):
        return found
    found = None if first else DATELINE.match(block)
    return found if found and found.start("date") > 0 and found.end() < len(block) else None


# A picture agency's caption head: "BAGHDAD, IRAQ - OCTOBER 25: Iraqi protesters take cover ...".
_CAPTION_DATELINE = re.compile(
    rf"^{_CITY}\s*[—–-]\s*(?P<date>(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|"
    r"OCTOBER|NOVEMBER|DECEMBER)\s+\d{1,2}):\s+")


def _told_on(paragraphs: list[tuple[str, ...]], year: int) -> dtm.date | None:
    """The day an introduction says the text was told ("He spoke to us ... on Monday, 25 April
    2016"): an interview's date, which what its guest calls "last week" counts from."""
    for sentence in (s for paragraph in paragraphs for s in paragraph):
        if found := _TOLD_ON.search(sentence):
            return header_date(found.group("date"), year)
    return None


# "spoke to us at ... on Monday, 25 April 2016", "was conducted by telephone on 2 February 2020",
# "We met him at a Hashd office in Baquba on Wednesday, 13 January 2016".
_TOLD_ON = re.compile(
    r"\b(?:spoke|talked|interviewed|met|(?:was|were)\s+(?:conducted|recorded)|took\s+place)\b"
    r"[^.;]{0,80}?\bon\s+(?P<date>(?:[A-Z][a-z]+day,?\s+)?[^.;]{5,30}?"
    r"(?:19|20)\d\d)\b")


def _across_pages(raws: list[str]) -> list[str]:
    """*raws* with a paragraph cut by a page break whole again: a block that stops mid-sentence
    ("... her two children.3 Humanitar-"), the page's running header or number between, and a
    block going on in lower case ("ian partners also reported ...")."""
    joined: list[str] = []
    for raw in raws:
        cut = bool(joined) and bool(re.search(r"[a-z][,;-]?$", joined[-1].rstrip()))
        if cut and re.match(r"[a-z]+[\s,.;]", raw.strip()):
            joined[-1] += "\n" + raw.strip()
        elif not (cut and _PAGE_FURNITURE.match(raw)):  # the header between the two halves
            joined.append(raw)
    return joined


# A PDF page's running header with its number, or the number alone ("Page 4 of 7").
_PAGE_FURNITURE = re.compile(r"^\s*(?:[^\n]{0,100}?\s{3,}\d{1,3}|(?:[Pp]age\s+)?\d{1,3}"
                             r"(?:\s+of\s+\d{1,3})?)\s*$")


def _blocks(raws: list[str], year: int) -> list[str | Record]:
    """The article's blocks: each paragraph as one line (list items and dated entries apart), and
    each incident record or table row as its fields."""
    blocks: list[str | Record] = []
    columns = None  # the header row of the table being read, if any
    for raw in raws:
        raw = _CREDIT_LINE.sub("", raw)  # a caption's "Photograph: John Davison/Reuters"
        if found := table_columns(raw):
            columns = found
            continue
        record = read_row(raw, columns) if columns else None
        columns = columns if record else None
        record = record or read_record(raw)
        blocks += [record] if record else [_unwrap(block) for part in _at_headings(raw, year)
                                           for block in _bullets(part)]
    return blocks


# A picture's or a clip's credit on a line of its own, under the caption it ends.
_CREDIT_LINE = re.compile(r"(?im)^[ \t]*(?:photograph|photo|picture|image|video|footage)s?"
                          r"(?:\s+(?:by|credit))?\s*:[^\n]*$\n?")


def _record_paragraphs(record: Record) -> list[tuple[str, ...]]:
    """An incident record as the reader reads it: its header dates (and perhaps places) what
    follows, its location field sets the scene, then its action and narrative."""
    told = " ".join(text for text in (record.lead(), *record.narrative) if text)
    scene = (FRAME_MARK + record.place,) if record.place else ()
    by = (BY_MARK + record.perpetrator,) if record.perpetrator else ()
    return [(ENTRY_MARK + record.header,), (*scene, *by, *split_sentences(told))]


# A dateline of cities and the outlet, run into the first sentence ("Baghdad and Erbil, Asharq
# Al-Awsat—Fighters of ..."): the first city, and where the sentence starts.
_OUTLET_DATELINE = re.compile(
    r"^(?P<city>[A-Z][a-z]+)(?:\s+and\s+[A-Z][a-z]+)?,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r"\s*[—–]\s*(?=[A-Z])")
# The city a dateline names, in the first sentence or left before it ("BAGHDAD (AP) —").
_DATELINE_CITY = re.compile(
    rf"^(?P<city>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)?)\s*(?:{_AGENCY})?\s*(?:,|{_DASH})")


# How a paragraph of sentences ends: a stop, perhaps inside a quote, bracket or a note's "]",
# perhaps before a chronology's source ("(R, 1/16)") or an encyclopedia's references ("[12]").
_ENDS_SENTENCE = re.compile(
    r"[.!?:][\"”’)\]]?(?:\s*\([^()]{1,40}\)|\s*\[\d{1,3}\]|(?<=[a-z][.!?])\d{1,3})*$")
# A post in a thread: "2/ Dozens of gunmen stormed ... #Kirkuk #Iraq 🧵", with no full stop;
# not a log's "07/11 – Bashiqa" or "10/03 (Mon), late evening - Amedi".
_POST_NUMBER = re.compile(
    rf"^\(?\d{{1,2}}/\d{{0,2}}\)?\s+(?=\S)(?![–—:-]\s|\({WEEKDAY_SHORT}\))")
_POST_TAIL = re.compile(r"(?:\s+(?:#\w+|@\w+|https?://\S+|[\U0001F300-\U0001FAFF\u2600-\u27BF]))+\s*$")


def _as_post(block: str) -> str:
    """*block* without a thread's "2/" and its trailing hashtags, handles and emoji; a post so
    marked and long (a headline is rarely over 12 words) is a sentence without its full stop."""
    post = _POST_NUMBER.sub("", _POST_TAIL.sub("", block))
    if post == block or _ENDS_SENTENCE.search(post) or len(post.split()) <= 12 or \
            _NOT_HEADLINE.search(post):
        return post
    return post + "."


def _at_headings(raw: str, year: int) -> list[str]:
    """*raw* cut before each line that is only a date heading the lines under it (a channel's
    "📅 Friday 5 January" over its posts), so that the heading dates them."""
    parts: list[list[str]] = [[]]
    for line in raw.splitlines():
        heading = not _ENDS_SENTENCE.search(line.strip()) and _dated_header(line.strip(), year)
        if heading and parts[-1]:
            parts.append([])
        parts[-1].append(line)
        if heading:
            parts.append([])
    return ["\n".join(part) for part in parts if part]


def _dated_header(block: str, year: int) -> bool:
    """Whether *block*, a line that is no sentence, is a date heading what follows ("Tuesday,
    10 June 2014", "Day 12 - 14 June", "9:41 PM · Oct 17, 2016")."""
    if len(block) > 80 or block.rstrip().endswith(("-", ",")):  # a hard-wrapped sentence's line
        return False
    for pattern in ABSOLUTE:
        if (match := pattern.search(block)) and calendar_date(match, year):
            rest = block[:match.start()] + " " + block[match.end():]
            return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 6  # not "On 6 June, Iraqi units ..."
    return False


def _stamp(raws: list[str], year: int) -> dtm.date | None:
    """The date a page stamps on the report outside its text (a byline, a "Published on" line, a
    source line), if any line that is not a sentence gives one with its year."""
    for raw in raws:
        for line in raw.splitlines():
            line = line.strip()
            stamp = len(line) < 160 and not re.search(r"[.!?][\"”’)]?$", line)
            if stamp and (date := header_date(line, year)) is not None:
                return date
    return None


def _title_year(raws: list[str]) -> int | None:
    """The year a title or the line under it names ("Timeline: the battle for Fallujah, May-June
    2016", "Monthly update on civilian harm: June 2020"), if any."""
    lines = [line.strip() for raw in raws for line in raw.splitlines() if line.strip()][:2]
    for title in lines:
        if re.search(r"[.!?]$", title):
            break
        if found := re.search(r"\b(?:19|20)\d\d\b", title):
            return int(found.group(0))
    return None


_BULLET = re.compile(r"^\s*(?:--?|[•*▪–]|\d+[.)])\s+")


def _bullets(block: str) -> list[str]:
    """A block split into its list items ("- On March 3, ...", "May 17: ..."), each a paragraph
    of its own; items under a heading ("Syria" then "-- Near Manbij, ...") keep it as their
    lead ("Syria: Near Manbij, ...")."""
    items: list[list[str]] = [[]]
    heading = ""
    listed = set()  # the items that are bullets
    for line in block.splitlines():
        bullet = _BULLET.match(line)
        if (bullet or _DATED_LINE.match(line)) and items[-1]:
            if not heading and len(items) == 1 and len(items[0]) == 1 and \
                    _SECTION_HEADING.match(items[0][0]):
                heading = items[0][0].strip() + ": "
            items.append([])
        if bullet and not items[-1]:
            listed.add(len(items) - 1)
        items[-1].append((heading if bullet else "") + _BULLET.sub("", line))
    lead = items[0][0].strip() if 0 not in listed and items[0] else ""
    if lead.endswith(":") or BOILERPLATE.match(lead):  # "calls on:", "Related news": the items
        listed = set()  # finish its sentence, or are links to other stories
    return [_as_item("\n".join(item)) if number in listed else "\n".join(item)
            for number, item in enumerate(items)]


def _as_item(item: str) -> str:
    """A list item as a sentence even without its full stop, when it tells more than a linked
    headline does: a detail after a comma or dash, or its day ("• Roadside bomb hits army vehicle
    on Tuz road, 2 soldiers wounded"; not "- Car bomb kills seven in Sadr City")."""
    text = item.rstrip()
    if _ENDS_SENTENCE.search(text) or len(text.split()) < 7 or _NOT_HEADLINE.search(text) or \
            not _ITEM_DETAIL.search(text):
        return item
    return text + "."


_ITEM_DETAIL = re.compile(r",\s|\s[—–]\s|\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|"
                          r"evening)|last\s+night|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")


_NOT_HEADLINE = re.compile(r"\||^\s*(?:by|updated|posted|published)\b|\bmin\s+read\b", re.I)


def _better_headline(current: str, block: str) -> str:
    """The longer of two header lines that could be a headline (not a menu, byline or stamp)."""
    if _NOT_HEADLINE.search(block) or len(block) > 200 or len(block.split()) < 4:
        return current
    return block if len(block) > len(current) else current


def _unwrap(block: str) -> str:
    """One paragraph as one line: hard-wrapped lines joined, trailing credit lines dropped, and a
    roundup's heading ("Sulaymaniyah" on a line of its own) kept as "Sulaymaniyah: ..."."""
    lines = [line for line in block.splitlines() if line.strip()]
    while lines and (CREDIT_LINE.match(lines[-1]) or BOILERPLATE.match(lines[-1])):
        lines.pop()
    if len(lines) > 1 and _SECTION_HEADING.match(lines[0]):
        lines[0] = lines[0].strip() + ":"
    return " ".join(_HYPHEN_BREAK.sub(_rejoined, "\n".join(lines)).split())


# A word hyphenated over a line break, as PDFs and wrapped emails cut them ("ad-\nvanced").
_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z])-[ \t]*\n[ \t]*(?=[A-Za-z])")


def _rejoined(match: re.Match) -> str:
    """A word cut by a line break, whole again: "advanced", but "al-Anbar" keeps its hyphen."""
    return "-" if match.string[match.end()].isupper() else ""


_SECTION_HEADING = re.compile(r"^\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*$")


_BRACKETED_DATELINE = re.compile(  # "(Beirut, April 20, 2015) –", "KIRKUK, Iraq (Oct. 17, 2017) —"
    rf"^(?:{_CITY}\s*)?\((?P<inner>[^()]{{6,60}})\)\s*[—–-]+\s*")




def _strip_dateline(block: str, year: int) -> tuple[dtm.date | None, str]:
    """The dateline's date at the start of *block* ("BAGHDAD, Jan. 22, 2015 (AP) —",
    "(Beirut, April 20, 2015) –"), and the rest of the block."""
    if period := _PERIOD.match(block):  # a report's "1 May - 31 August 2016": its news is
        end = header_date(period.group("end"), year)  # before the period's end
        if end is not None:
            return end, ""
    if bracketed := _BRACKETED_DATELINE.match(block):
        date = header_date(bracketed.group("inner"), year)
        if date is not None:
            return date, block[bracketed.end():].strip()
    match = DATELINE.match(block)
    if not match:
        return None, block
    for pattern in ABSOLUTE[:2]:
        if (found := pattern.search(match.group("date"))) is not None:
            return calendar_date(found, year), block[match.end():].strip()
    return None, block


def strip_city(text: str) -> str:
    """*text* without a leading "BAGHDAD, Iraq —" left over from a dateline."""
    return _CITY_ONLY.sub("", text, count=1)


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of *paragraph*, not broken after "Jan." or "U.S."."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        word = re.search(r"([\w.]+)[.!?]$", paragraph[start:match.start() + 1])
        token = word.group(1).lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        if token in ("a.m", "p.m") and paragraph.startswith("(", match.end()):
            continue  # "At 12:15 a.m. (Baghdad time) Jan. 24, ..."
        sentences.append(paragraph[start:match.end()].strip())
        start = match.end()
    sentences.append(paragraph[start:].strip())
    return [sentence for sentence in sentences if sentence]


def find_source(text: str) -> str | None:
    """The first outlet *text* credits, by the earliest credit in it."""
    found = [
        (match.start(), match.group("name").strip())
        for pattern in SOURCE_PATTERNS
        if (match := pattern.search(text))
    ]
    return min(found)[1] if found else None


def without_outlets(sentence: str) -> str:
    """*sentence* with an outlet named in brackets ("told (Baghdad Today)") or named after a
    place ("told Baghdad Today") as "told reporters", so that the outlet's name is no place."""
    sentence = _OUTLET_IN_BRACKETS.sub(lambda m: m.group(0).split()[0] + " reporters", sentence)
    return _PLACE_OUTLET.sub("reporters", sentence)


def content(sentence: str) -> str:
    """What *sentence* reports, without who said it: quotes unwrapped, attributions dropped."""
    sentence = _CITING.sub("", without_outlets(sentence))
    if match := QUOTE.match(sentence):
        sentence = match.group("quote")
    sentence = SPEAKER_ACTED.sub(lambda m: _speaker_acted(m, sentence), sentence)
    sentence = ANNOUNCED_ARREST.sub(r"\g<lead>\g<who>\g<when> arrested", sentence)
    for pattern in ATTRIBUTIONS:
        sentence = pattern.sub(_without_attribution, sentence)
    return " ".join(sentence.split()).strip(" ,")


# "Rudaw, citing peshmerga officials, reported that ...": the source's source, no party.
_CITING = re.compile(r",\s+citing\s+(?:[\w’'.-]+\s+){0,5}?(?:officials?|sources?|commanders?|"
                     r"spokesm[ae]n|statements?|witnesses|residents|officers?)\b[^,]{0,40}(?=,)")


# "told (Baghdad Today) that ...", "in a statement received by (Shafaq News)": translated
# reports put the outlet in brackets.
_OUTLET_IN_BRACKETS = re.compile(r"\b(?:told|to|by|for)\s+\([^()]{2,40}\)")
# Outlets named after a governorate: "Baghdad Today", "The Baghdad Post".
_PLACE_OUTLET = re.compile(r"\b(?:[Tt]he\s+)?Baghdad\s+(?:Today|Post)\b")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A report's period heading, "1 May - 31 August 2016": its news falls before the period's end.
_DAY_MONTH = rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"  # "Sunday 12 March - ..."
_PERIOD = re.compile(rf"^(?:(?:[Rr]eporting\s+)?[Pp]eriod(?:\s+covered)?:?\s+|[Ff]rom\s+)?"
                     rf"{_WEEKDAY}{_DAY_MONTH}(?:,?\s+\d{{4}})?\s*"
                     rf"(?:[–—-]|to)\s*(?P<end>{_WEEKDAY}{_DAY_MONTH},?\s+\d{{4}})\s*$")
# A timeline's or a liveblog's entry: "May 17: ...", "17 May 2015 -", "12/03:", "14:05 -".
_DATED_LINE = re.compile(
    rf"^\s*(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|"
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|local))?)\s*[:–—-]\s")
_ANOTHER_DAY = re.compile(
    r"\b(?i:on|late|early)\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    rf"\b(?i:yesterday|last\s+night)\b|\b\d{{1,2}}\s+{_MONTH}|\b{_MONTH}\s+\d{{1,2}}\b")


def _speaker_acted(match: re.Match, sentence: str) -> str:
    """"Police said on Sunday they had arrested ..." as "Police on Sunday arrested ...", the
    day kept unless the rest names the day of the act ("... in a raid on Thursday")."""
    when = match.group("when") or ""
    if when and _ANOTHER_DAY.search(sentence[match.end():]):
        when = ""
    return f"{match.group('who')}{when} "


_SPEAKERS_OWN = re.compile(
    r"\b(?:their|our)\s+(?:positions?|posts?|forces|fighters|men|units|bases?|checkpoints?|lines)\b",
    re.I)


def _without_attribution(match: re.Match) -> str:
    """What stands in for an attribution: nothing at the end, a comma where it broke a clause
    ("..., police said, and a roadside bomb ...")."""
    said = match.group(0)
    if match.start() == 0 and _SPEAKERS_OWN.search(match.string, match.end()):
        return said  # "Peshmerga commanders say militias attacked their positions": a party
    if said.endswith("."):
        return ""
    joined = said.startswith(",") and match.string[match.end():].startswith("and ")
    return ", " if joined else " "


def clauses(text: str) -> list[str]:
    """The clauses of a sentence's content, which may say different things."""
    return [part for part in CLAUSE_BREAK.split(text) if part.strip()]


def summary_sentence(sentence: str) -> str:
    """*sentence* as a summary line: quotes turned into reported speech, dates up front dropped."""
    sentence = _OUTLET_PREFIX.sub("", sentence)  # "Shafaq News/ A security source reported ..."
    if match := QUOTE.match(sentence):
        speaker = (match.group("after") or match.group("before") or "").strip()
        sentence = f"{speaker} said {match.group('quote').strip()}." if speaker else sentence
    if match := LEADING_ATTRIBUTION.match(sentence):
        said = match.group("who")
        told = re.sub(r",?\s+and\s+that\s+", ", and ", match.group("what"))
        told = re.sub(r"(?<=[.!?])\d{1,3}$", "", told).rstrip(". ")  # and its footnote ("people.4")
        if own := re.match(r"(?:they|it)\s+(?:had\s+|have\s+|has\s+)?(?=\w+ed\b)", told):
            sentence = f"{said} {told[own.end():]}."  # "Police said they arrested": police did
        elif own := re.match(r"(?:they|it)\s+(?=(?:had|have|has)\s+\w+en\b)", told):
            sentence = f"{said} {told[own.end():]}."  # "... said they had retaken": had retaken
        else:
            acronym = said.split()[0].isupper() and len(said.split()[0]) > 1  # "KRSC", not "A"
            said = said if acronym else said[:1].lower() + said[1:]
            sentence = f"{told}, {said} said."
    sentence = re.sub(r"^According\s+to\s+[^,]+,\s+", "", sentence)
    sentence = re.sub(
        r"^(?:(?:On|By|Later on|Late on|Early on)\s+[^,]{3,30},\s+|(?:The same day|On the same "
        r"day|Yesterday|Today|Meanwhile|Separately|In the hours that followed|"
        r"Hours (?:later|earlier)|"
        r"(?:The|A) (?:next|following|previous) (?:day|night|morning|evening)|"
        r"(?:A|One|Two|Three|\d+) days? (?:later|earlier)|The (?:day|night|evening) before|"
        r"Last night),?\s+)",
        "", sentence,
    )
    sentence = " ".join(sentence.split())
    return sentence[:1].upper() + sentence[1:]
