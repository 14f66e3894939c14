"""Typed content models.

Every kind of content the app shows is a frozen pydantic model that forbids unknown fields.
Fields that hold words a person reads are declared with the ``Text`` type: only those may be
changed by a translation (see ``navigator.core.translation``). Everything else is structure
(ids, option values, URLs, phone numbers, conditions, dates) and lives only in the English file.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args, get_origin, get_type_hints

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator


class Translatable:
    """Marker placed in ``Annotated`` metadata: this field's value is translatable text."""

    def __repr__(self) -> str:
        return "Translatable()"


SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINK_RE = re.compile(r"navigator://(?P<kind>[a-z]+)/(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)")
REGION_RE = re.compile(r"^(\*|[A-Z]{2}(-[A-Z0-9]{1,3})?)$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise ValueError(f"{value!r} is not a slug (use lower-case letters, digits and single hyphens)")
    return value


# Characters a web address in content may hold: RFC 3986's, less the ones that would let an address
# break out of a Markdown link or pass for another ("(", ")", "[", "]", spaces, quotes, angle
# brackets, and anything outside ASCII: a look-alike letter in a host is a spoofed site). Write
# them percent-encoded (%28 for "("). Security review F4, F5.
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+")
_HOST_RE = re.compile(r"(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+\.)+[A-Za-z]{2,}")
_TEL_RE = re.compile(r"tel:(\+?[0-9]{2,15}|\*[0-9]{2,6})")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")

# The rule every web address, phone number and email address of content keeps (navigator/core/rules.py).
PLAIN_LINK = "plain-link"
# Unicode categories that have no business in an address, written or percent-encoded: controls,
# format characters (bidi embeddings, overrides and isolates, zero-width characters, the Arabic
# letter mark), line and paragraph separators, spaces other than the plain one, private-use,
# surrogate and unassigned code points.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}
# Scripts that are written together in one name (Japanese mixes kana and Han, Korean Hangul and Han).
_SCRIPTS_TOGETHER = ({"HIRAGANA", "KATAKANA", "CJK"}, {"HANGUL", "CJK"})
# Cyrillic and Greek letters that look like Latin ones in an address bar.
_LOOK_LATIN = frozenset("аеорсухіјѕԁӏһԛԝьвкмнтгпοαινκτυρεχ")


def _link_error(message: str) -> ValueError:
    return ValueError(f"{message} (rule: {PLAIN_LINK})")


def _hidden_character(value: str) -> str | None:
    """The first character of ``value`` that cannot be seen for what it is, written as is or
    percent-encoded (``%E2%80%AE`` is a right-to-left override once a browser decodes it)."""

    if value.isascii() and value.isprintable() and "%" not in value:
        # Printable ASCII is letters, digits, signs and the plain space: nothing hidden, nothing
        # encoded (most addresses; reading every character's category took a fifth of loading).
        return None

    def decoded(match: re.Match[str]) -> str:
        return bytes.fromhex(match.group(0).replace("%", "")).decode("utf-8", errors="replace")

    for text in (value, _PERCENT.sub(decoded, value)):
        for char in text:
            category = unicodedata.category(char)
            if category in _HIDDEN_CATEGORIES or (category == "Zs" and char != " "):
                return char
    return None


def _refuse_hidden(value: str, what: str) -> None:
    char = _hidden_character(value)
    if char is not None:
        raise _link_error(
            f"{value!r} holds an invisible or direction-changing character (U+{ord(char):04X}), written or "
            f"percent-encoded, that can make {what} show one thing and open another"
        )


def _script(char: str) -> str | None:
    """The alphabet of a letter ("LATIN", "CYRILLIC", "GREEK", ...); None for digits and signs."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def _mixed_scripts(host: str) -> str | None:
    """Why a host written with ``xn--`` (punycode) labels can pass for another, or None.

    A label that mixes alphabets ("rаinn" with a Cyrillic "а", written "xn--rinn-53d"), and a label
    of another alphabet made only of letters that look like Latin ones ("аррӏе") beside Latin
    labels, are refused; a name in one alphabet ("сайт.рф", "日本語.jp") is not.
    """
    if "xn--" not in host:
        return None
    labels: list[tuple[str, set[str]]] = []
    for label in host.split("."):
        try:
            shown = label.encode("ascii").decode("idna") if label.startswith("xn--") else label
        except UnicodeError:
            return "it is not valid punycode"
        scripts = {script for script in map(_script, shown) if script}
        if len(scripts) > 1 and not any(scripts <= together for together in _SCRIPTS_TOGETHER):
            return f"'{shown}' mixes alphabets ({', '.join(sorted(scripts)).lower()})"
        labels.append((shown, scripts))
    latin = any(scripts == {"LATIN"} for _shown, scripts in labels)
    for shown, scripts in labels:
        if latin and scripts and scripts != {"LATIN"} and all(c in _LOOK_LATIN for c in shown if c.isalpha()):
            return f"'{shown}' is written in letters that look like Latin ones"
    return None


@functools.lru_cache(maxsize=1 << 16)
def _https(value: str) -> str:
    # Kept by address (a pure check: the same text is always accepted or refused the same way):
    # each translation carries the English item's addresses again, and so does every copy at 100x.
    if not value.startswith("https://") or len(value) <= len("https://"):
        raise _link_error(f"{value!r} is not an https:// address")
    _refuse_hidden(value, "a web address")
    if not _URL_CHARS.fullmatch(value):
        raise _link_error(
            f"{value!r} holds a character a web address here may not have (a space, a bracket, a quote, "
            "or a letter outside plain ASCII): percent-encode it, for example %28 for '('"
        )
    netloc = value[len("https://") :].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = netloc.lower().split(":", 1)[0]
    if "@" in netloc or not _HOST_RE.fullmatch(host):
        raise _link_error(f"{value!r} does not have a plain host name (like www.example.org)")
    spoof = _mixed_scripts(host)
    if spoof:
        raise _link_error(f"{value!r} has a host that can pass for another site ({spoof}): write the site's own address")
    return value


def _link(value: str) -> str:
    if value.startswith("https://"):
        return _https(value)
    if value.startswith("tel:"):
        _refuse_hidden(value, "a phone number")
        if not _TEL_RE.fullmatch(value):
            raise _link_error(f"{value!r}: a tel: link holds only digits and an optional leading +")
        return value
    if value.startswith("mailto:"):
        _refuse_hidden(value, "an email address")
        address, _, query = value[len("mailto:") :].partition("?")
        if not _EMAIL_RE.fullmatch(address) or (query and not re.fullmatch(r"subject=[A-Za-z0-9%._\-]*", query)):
            raise _link_error(f"{value!r}: a mailto: link holds one address and at most a subject")
        return value
    if LINK_RE.fullmatch(value):
        return value
    raise _link_error(f"{value!r} must start with https://, tel:, mailto: or navigator://")


def _ref(value: str) -> str:
    if not LINK_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not an internal reference like navigator://article/some-id")
    return value


def _region(value: str) -> str:
    if not REGION_RE.match(value):
        raise ValueError(f"{value!r} is not a region code (ISO country like 'GB', subdivision like 'US-TX', or '*')")
    return value


def _lang(value: str) -> str:
    if not LANG_RE.match(value):
        raise ValueError(f"{value!r} is not a language code like 'en' or 'es'")
    return value


def _time(value: str) -> str:
    if not TIME_RE.match(value):
        raise ValueError(f"{value!r} is not a time like '09:30'")
    return value


Slug = Annotated[str, AfterValidator(_slug)]
HttpsUrl = Annotated[str, AfterValidator(_https)]
Link = Annotated[str, AfterValidator(_link)]
Ref = Annotated[str, AfterValidator(_ref)]
Region = Annotated[str, AfterValidator(_region)]
Lang = Annotated[str, AfterValidator(_lang)]
ClockTime = Annotated[str, AfterValidator(_time)]
Text = Annotated[str, Translatable(), Field(min_length=1)]


class Model(BaseModel):
    # defer_build: each model's validator is made the first time it validates, not at import; the
    # app reads compiled content (core/compiled.py) and validates nothing at start (50 ms less).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# Who a piece of content is for (see navigator/core/audience.py, the one place that decides what a
# reader is shown). ``adults``: only for images of people who were 18 or over (StopNCII, keeping
# screenshots, copyright notices); never shown to someone who may have been under 18 in the image.
# ``minors``: for images of someone under 18 (Take It Down, child helplines).
Audience = Literal["everyone", "adults", "minors"]


class Point(Model):
    """One entry of a list of advice (what to prepare, what to do if it fails), with its audience.

    In a file, a plain string is a point for everyone; a mapping gives the audience.
    """

    text: Text
    audience: Audience = "everyone"
    offer_if_unsure: bool = False

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _offer_needs_adults(self) -> Point:
        if self.offer_if_unsure and self.audience != "adults":
            raise ValueError("offer_if_unsure only applies to audience: adults")
        return self


# --- common pieces -------------------------------------------------------------------------


class Source(Model):
    """Where a fact was read, and the date of the page that was read (not of today).

    ``url`` is the original page (the statute, the regulator, the organization's own page). When
    the original could only be read through a copy, ``via`` says which copy: honest to the reader,
    and ``navigator check --freshness`` lists every such source so it can be read again.
    """

    url: HttpsUrl
    title: str | None = None
    source_date: str | None = Field(default=None, description="date or year of the page read")
    via: HttpsUrl | None = None


class Unverified(Model):
    """A detail that could not be confirmed, by field. The field must then hold no value.

    ``field`` names a field of the item, or a fact the schema has no field for (``penalty``),
    which therefore cannot be shown. For a single value (cost, hours, on_behalf ...), the
    loader refuses the item if the value is there anyway: what the data must not say, the data
    does not hold. For a list or a text (contacts, routes, for_you ...) it says that something was
    left out of it. ``note`` is for editors (English only); readers see one line saying details
    were left out.
    """

    field: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
    note: str = Field(min_length=1)


def _holds_text(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        return any(isinstance(m, Translatable) for m in meta) or _holds_text(base)
    return any(_holds_text(arg) for arg in get_args(annotation))


@functools.cache
def _is_text(model: type[BaseModel], name: str) -> bool:
    """Whether a field holds words (a ``Text``), as opposed to a value such as a cost or a date.
    Kept per model and field: reading a class's type hints is slow, and every item asks."""
    return _holds_text(get_type_hints(model, include_extras=True)[name])


# Values of a choice field that say "not confirmed" themselves, so an unverified mark allows them.
UNCERTAIN_VALUES = frozenset({"unknown", "likely", "announced"})


def _follow(item: BaseModel, dotted: str) -> tuple[BaseModel | None, Any]:
    """The model that holds the last part of ``dotted`` (``exposure.published``), and that part's value."""
    owner: BaseModel = item
    parts = dotted.split(".")
    for part in parts[:-1]:
        inner = getattr(owner, part, None) if part in type(owner).model_fields else None
        if not isinstance(inner, BaseModel):
            return None, None
        owner = inner
    last = parts[-1]
    if last not in type(owner).model_fields:
        return None, None
    return owner, getattr(owner, last)


class Item(Model):
    """Fields every content item shares."""

    id: Slug
    reviewed: date
    sources: list[Source] = Field(min_length=1)
    # What could not be confirmed, by field (see ``Unverified``). English only; listed for editors
    # by `navigator check --freshness`, shown to readers as one "some details left out" line.
    unverified: list[Unverified] = Field(default_factory=list)

    def source_urls(self) -> set[str]:
        return {s.url for s in self.sources}

    @model_validator(mode="after")
    def _unverified_fields_hold_nothing(self) -> Item:
        for entry in self.unverified:
            name = entry.field.split(".")[0]
            if name in ("id", "reviewed", "sources", "unverified"):
                raise ValueError(f"unverified: '{entry.field}' cannot be marked as not confirmed")
            if name not in type(self).model_fields:
                continue  # a fact the schema has no field for (a penalty, a gazette entry): it is not shown anywhere
            owner, value = _follow(self, entry.field)
            if owner is None:
                continue  # a part of a field the schema does not describe: nothing there to refuse
            if isinstance(value, (list, BaseModel)) or _is_text(type(owner), entry.field.split(".")[-1]):
                continue  # something was left out of a list, a text or a group of facts: nothing to refuse
            if value is not None and not (isinstance(value, str) and value in UNCERTAIN_VALUES):
                raise ValueError(
                    f"unverified: '{name}' is marked as not confirmed but holds a value ({value!r}); "
                    "leave it out (or 'unknown') until a source confirms it"
                )
        return self


class Kind(StrEnum):
    PLACE = "place"
    PATHWAY = "pathway"
    ARTICLE = "article"
    ORGANIZATION = "organization"
    PLATFORM = "platform"
    LAW = "law"
    NOTICE = "notice"
    GLOSSARY = "glossary"


# --- organizations ---------------------------------------------------------------------------

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class OpeningSpan(Model):
    days: list[Weekday] = Field(min_length=1)
    opens: ClockTime
    closes: ClockTime  # may be earlier than opens: the span runs past midnight


class Hours(Model):
    timezone: str = Field(description="IANA zone such as 'Europe/London'")
    always_open: bool = False
    weekly: list[OpeningSpan] = Field(default_factory=list)
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Hours:
        if self.always_open and self.weekly:
            raise ValueError("hours: give either always_open: true or weekly spans, not both")
        return self


_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")

ChannelKind = Literal["phone", "text", "whatsapp", "chat", "web_form", "email", "tty", "website"]


class Contact(Model):
    kind: ChannelKind
    value: str = Field(min_length=1, description="number, address or https URL; never translated")
    label: Text | None = None
    note: Text | None = None
    hours: Hours | None = None
    source: HttpsUrl = Field(description="the page this contact detail was read on; must be in sources")

    @model_validator(mode="after")
    def _value_shape(self) -> Contact:
        if self.kind in ("chat", "web_form", "website"):
            _https(self.value)
        elif self.kind == "email":
            _refuse_hidden(self.value, "an email address")
            if not _EMAIL_RE.fullmatch(self.value):
                raise _link_error(f"{self.value!r} is not an email address")
        else:
            _refuse_hidden(self.value, "a phone number")
            if not re.fullmatch(r"[+*(0-9A-Z][0-9A-Z .()\-]*", self.value) or not re.search(r"[0-9]", self.value):
                raise _link_error(f"{self.value!r} is not a phone number or short code")
        return self

    def digits(self) -> str:
        """The number as it is dialled: letters (1-800-THE-LOST) become their keypad digits; a short code keeps its *."""
        return re.sub(r"[^+*0-9]", "", self.value.upper().translate(_KEYPAD))

    def href(self) -> str:
        if self.kind in ("phone", "tty"):
            return "tel:" + self.digits()
        if self.kind == "email":
            return "mailto:" + self.value
        if self.kind == "text":
            return "sms:" + self.digits()
        if self.kind == "whatsapp":
            return "https://wa.me/" + self.digits().lstrip("+")
        return self.value


Cost = Literal["free", "low_cost", "paid", "varies"]


class Organization(Item):
    name: Text
    summary: Text
    services: list[Text] = Field(min_length=1)
    serves: list[Slug] = Field(min_length=1, description="adults, minors, lgbtq, ... as the source says")
    regions: list[Region] = Field(min_length=1)
    languages: list[Lang] = Field(min_length=1)
    contacts: list[Contact] = Field(min_length=1)
    hours: Hours | None = None
    cost: Cost | None = Field(default=None, description="left out unless a source says so")
    confidentiality: Text | None = None
    # A crisis or suicide line: shown first, at once, to someone who says they are not safe.
    crisis: bool = False
    # Only a web guide to read, with no person to contact (or none confirmed): allowed, but never
    # counted as a service a person can reach (rule reachable-service).
    guide_only: bool = False
    # For an adults-only service (StopNCII): may be offered, with the caveat, when the age is not known.
    offer_if_unsure: bool = False
    related: list[Ref] = Field(default_factory=list)

    @property
    def audience(self) -> Audience:
        """Who it is for, from who it serves: adults only, young people only, or everyone."""
        serves = set(self.serves)
        if serves and serves <= YOUNG_ONLY:
            return "minors"
        if serves == {"adults"}:
            return "adults"
        return "everyone"

    def reachable(self) -> bool:
        """A person can contact it (not only read a web page)."""
        return any(c.kind in REACHABLE_CHANNELS for c in self.contacts)


# What ``serves`` says for a service only for young people.
YOUNG_ONLY = frozenset({"minors", "children", "young-people"})
# Channels a person can use to reach someone (a website alone is a guide, not a service).
REACHABLE_CHANNELS = frozenset({"phone", "text", "whatsapp", "chat", "web_form", "email", "tty"})


# --- platforms -------------------------------------------------------------------------------

RouteKind = Literal["in_app", "web_form", "email", "tida_notice", "copyright", "search_removal", "other"]
Tristate = Literal["yes", "no", "announced", "unknown"]


class Route(Model):
    id: Slug
    kind: RouteKind
    label: Text
    steps: list[Text] = Field(min_length=1)
    url: HttpsUrl | None = None
    source: HttpsUrl
    audience: Audience = "everyone"
    offer_if_unsure: bool = False
    # The law that gives this route its force and its deadline (a navigator://law/ reference).
    legal_basis: Ref | None = None

    @model_validator(mode="after")
    def _safe_audience(self) -> Route:
        if self.kind == "copyright" and self.audience != "adults":
            # A copyright notice names the sender to the uploader: never for an image of a child.
            raise ValueError("a copyright route must have audience: adults")
        if self.offer_if_unsure and self.audience != "adults":
            raise ValueError("offer_if_unsure only applies to audience: adults")
        return self


PlatformCategory = Literal[
    "search",
    "social",
    "messaging",
    "video",
    "streaming",
    "adult",
    "infrastructure",
    "app_store",
    "payment",
    "code_host",
    "ai_model_hub",
    "file_host",
    "cloud",
    "dating",
    "regulator",
]


class Platform(Item):
    name: Text
    category: PlatformCategory
    summary: Text
    routes: list[Route] = Field(min_length=1)
    prepare: list[Point] = Field(min_length=1, description="what the report needs")
    response_time: Text | None = None
    response_hours: int | None = Field(default=None, ge=1)
    on_behalf: Literal["yes", "representative", "no", "unknown"]
    stopncii: Tristate
    take_it_down: Tristate = "unknown"
    tida_covered: Literal["yes", "likely", "no", "unknown"]
    if_it_fails: list[Point] = Field(min_length=1)
    related: list[Ref] = Field(default_factory=list)


# --- laws ------------------------------------------------------------------------------------

# ``none_found``: the trackers list no specific law for the place, as of ``status_date``.
LawStatus = Literal["in_force", "enacted", "passed_one_chamber", "introduced", "not_enacted", "repealed", "none_found"]
LawCovers = Literal["sharing", "deepfakes", "threats", "creation", "platform_duty", "tools", "data"]


class Deadline(Model):
    """A time limit the law sets for the other side (a platform must act within 48 hours)."""

    hours: int = Field(ge=1)
    starts: Text = Field(description="when the clock starts, in plain words")
    source: HttpsUrl


class Law(Item):
    jurisdiction: Region
    title: Text
    citation: str | None = Field(default=None, min_length=1)
    status: LawStatus
    # The day the status was true, as far as the sources show; left out (and listed as unverified)
    # when no source gives the day.
    status_date: date | None = None
    status_note: Text | None = None
    summary: Text
    covers: list[LawCovers] = Field(default_factory=list)
    for_you: list[Text] = Field(min_length=1)
    does_not: list[Text] = Field(default_factory=list)
    kind: Literal["criminal", "civil", "platform_duty", "regulator", "mixed", "none"]
    deadline: Deadline | None = None
    # Next steps when a request under this law is ignored past its deadline, or refused.
    if_ignored: list[Ref] = Field(default_factory=list)
    related: list[Ref] = Field(default_factory=list)

    @model_validator(mode="after")
    def _citation_unless_none(self) -> Law:
        if self.status != "none_found" and not self.citation:
            raise ValueError("citation is required (only a 'none_found' entry may leave it out)")
        if self.status != "none_found" and not self.does_not:
            raise ValueError("does_not is required: say what the law does not do (only a 'none_found' entry may leave it out)")
        if self.status == "none_found" and not self.status_note:
            raise ValueError("a 'none_found' entry needs a status_note saying what was checked, and when")
        if self.status_date is None and not any(u.field == "status_date" for u in self.unverified):
            raise ValueError("status_date is required, unless 'unverified' says why it is left out (field: status_date)")
        return self


# --- articles and glossary -------------------------------------------------------------------


class Article(Item):
    title: Text
    summary: Text
    body: Text
    topic: Literal["evidence", "removal", "hashing", "safety", "legal", "support", "wellbeing", "tools", "advocates", "about"]
    content_warning: Text | None = None
    index: int = 100
    related: list[Ref] = Field(default_factory=list)


class GlossaryTerm(Item):
    term: Text
    definition: Text
    related: list[Ref] = Field(default_factory=list)


# --- notices ---------------------------------------------------------------------------------

# What the person types into a field: words, one web address, several (one a line), an email
# address, a date; a declaration they confirm by ticking it (the letter then says ``statement``);
# or one of ``options`` (a choice such as the policy a tool breaks).
FieldKind = Literal["text", "url", "urls", "email", "date", "declaration", "choice"]


class FieldOption(Model):
    value: Slug
    label: Text


class NoticeField(Model):
    id: Slug
    label: Text
    help: Text | None = None
    required: bool = True
    multiline: bool = False
    kind: FieldKind = "text"
    # A declaration's words, said in the letter only once the person has ticked it.
    statement: Text | None = None
    options: list[FieldOption] = Field(default_factory=list)
    # Asked only when someone else (an advocate, a lawyer) sends the request for the person shown.
    representative: bool = False
    # What a batch of requests fills in by itself: the site's name, or the addresses recorded for it.
    fills: Literal["site_name", "site_urls"] | None = None

    @model_validator(mode="after")
    def _shape(self) -> NoticeField:
        if (self.kind == "declaration") != (self.statement is not None):
            raise ValueError("a declaration needs a statement, and only a declaration has one")
        if (self.kind == "choice") != bool(self.options):
            raise ValueError("a choice needs options, and only a choice has them")
        if self.kind == "choice" and len(self.options) < 2:
            raise ValueError("a choice needs at least two options")
        if self.kind in ("declaration", "choice", "url", "email", "date") and self.multiline:
            raise ValueError(f"a {self.kind} field is one line")
        if self.fills == "site_urls" and self.kind != "urls":
            raise ValueError("only a urls field can be filled with the site's addresses")
        if self.fills == "site_name" and self.kind != "text":
            raise ValueError("only a text field can be filled with the site's name")
        return self

    @property
    def lines(self) -> bool:
        """Whether the answer may take several lines."""
        return self.multiline or self.kind == "urls"


class NoticeElement(Model):
    """One thing the law or the platform requires a request to contain, and the fields that give it.

    ``navigator check`` proves that the body, in every language, holds the placeholder of each of
    ``fields``; the letter writer does not call a letter finished until each of them is filled.
    """

    id: Slug
    label: Text
    cite: str | None = Field(default=None, min_length=1, description="the provision, e.g. 47 U.S.C. 223a(a)(1)(B)(i)")
    fields: list[Slug] = Field(min_length=1)
    source: HttpsUrl


# Whether something happens to the sender's details: always, for some services or in some cases,
# never, or not confirmed (``unknown``, with an ``unverified`` note naming the field).
Exposed = Literal["yes", "sometimes", "no", "unknown"]


class Exposure(Model):
    """Who will see the sender's name and contact details, shown before anything is filled in."""

    receives: Text = Field(description="who receives the sender's name and contact details, in words")
    uploader: Exposed = Field(description="whether the person who posted it may be told who sent it")
    published: Exposed = Field(description="whether the request may be published (Lumen, a public list)")
    id_asked: Exposed = Field(description="whether proof of identity is asked for")
    someone_else: Literal["yes", "sometimes", "no", "unknown"] = Field(description="whether someone else may send it for the person shown")
    notes: list[Text] = Field(default_factory=list)
    sources: list[HttpsUrl] = Field(min_length=1)


class FormField(Model):
    """One field of a web form, in the form's order: what goes in it, from the person's answers.

    ``name`` says which field of the form it is (translated, for the person reading); ``pick`` is
    the option to choose there exactly as the form writes it (never translated: the person must
    find it on the form). ``fields`` are the template's fields whose answers fill it, one a line.
    """

    name: Text
    help: Text | None = None
    fields: list[Slug] = Field(default_factory=list)
    pick: str | None = Field(default=None, min_length=1)
    max_length: int | None = Field(default=None, ge=1)
    source: HttpsUrl


NoticeKind = Literal[
    "tida",
    "platform_policy",
    "copyright",
    "search_removal",
    "escalation",
    "intimate_image_report",
    "dsa_notice",
    "data_erasure",
    "regulator_report",
    "court_application",
    "tribunal_claim",
    "abuse_report",
    "tool_report",
]


class NoticeTemplate(Item):
    title: Text
    kind: NoticeKind
    summary: Text
    # Who may be shown it (navigator/core/audience.py): a copyright notice names the sender to the
    # uploader, so it is for images of adults only.
    audience: Audience = "everyone"
    exposure: Exposure
    before_you_send: list[Text] = Field(default_factory=list)
    fields: list[NoticeField] = Field(min_length=1)
    elements: list[NoticeElement] = Field(min_length=1)
    body: Text = Field(description="text with {field_id} placeholders")
    # The law that gives the request its force and its deadline (read by core/case_rules.py).
    legal_basis: Ref | None = None
    # A web form the request goes into, and its fields in order (the form helper).
    form_url: HttpsUrl | None = None
    form_fields: list[FormField] = Field(default_factory=list)
    # Languages the route reads, where a source says so (a batch writes each request in one of them).
    languages: list[Lang] = Field(default_factory=list)
    # Where its law or route applies ('*': anywhere; 'EU': the member states), and the kinds of
    # site it is sent to (none: it goes to a regulator, a court or a tribunal, not to a site).
    regions: list[Region] = Field(default_factory=lambda: ["*"], min_length=1)
    sites: list[PlatformCategory] = Field(default_factory=list)
    # When several templates fit one site in a batch, the lowest rank is prepared.
    rank: int = 100
    related: list[Ref] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> NoticeTemplate:
        names = set(re.findall(r"\{([a-z0-9_-]+)\}", self.body))
        by_id = {f.id: f for f in self.fields}
        if len(by_id) != len(self.fields):
            raise ValueError("field ids repeat")
        unknown = sorted(names - set(by_id) - {"date"})
        if unknown:
            raise ValueError(f"body uses placeholders with no field: {', '.join(unknown)}")
        for field in self.fields:
            if field.kind == "declaration" and field.id not in names:
                raise ValueError(f"declaration '{field.id}' is not in the body, so the letter could never say it")
        for element in self.elements:
            for field_id in element.fields:
                if field_id not in by_id:
                    raise ValueError(f"element '{element.id}' names a field that does not exist: {field_id}")
                if field_id not in names:
                    raise ValueError(f"element '{element.id}': field '{field_id}' is not in the body")
                if not by_id[field_id].required:
                    raise ValueError(f"element '{element.id}': field '{field_id}' is required by it, so it must be required")
        for form_field in self.form_fields:
            for field_id in form_field.fields:
                if field_id not in by_id:
                    raise ValueError(f"form field '{form_field.name}' names a field that does not exist: {field_id}")
        urls = self.source_urls()
        cited = [*self.exposure.sources, *(e.source for e in self.elements), *(f.source for f in self.form_fields)]
        for url in cited:
            if url not in urls:
                raise ValueError(f"{url} is cited but is not one of the template's sources")
        if self.kind == "copyright" and self.audience != "adults":
            # A copyright notice names the sender to the uploader: never for an image of a child.
            raise ValueError("a copyright notice must have audience: adults")
        if self.form_fields and self.form_url is None and not any(u.field == "form_url" for u in self.unverified):
            raise ValueError("form_fields need the form's address (form_url), or an unverified note saying why it is left out")
        return self

    def field(self, field_id: str) -> NoticeField | None:
        for field in self.fields:
            if field.id == field_id:
                return field
        return None


# --- places ----------------------------------------------------------------------------------


class EmergencyNumber(Model):
    number: str = Field(min_length=1, pattern=r"^[0-9]{2,6}$")
    label: Text | None = None
    source: HttpsUrl


class Subdivision(Model):
    code: Region
    name: Text
    # Another subdivision whose laws apply here too (Wales shares England's criminal law).
    shares_law_with: list[Region] = Field(default_factory=list)


class Place(Item):
    """A country: its name, the groups it belongs to (eu), its emergency number, its parts."""

    code: Region
    name: Text
    groups: list[Literal["eu"]] = Field(default_factory=list)
    emergency: list[EmergencyNumber] = Field(default_factory=list)
    subdivisions: list[Subdivision] = Field(default_factory=list)

    @field_validator("emergency", mode="before")
    @classmethod
    def _one_or_more(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _codes(self) -> Place:
        if "-" in self.code or self.code == "*":
            raise ValueError(f"code {self.code!r} must be a country code like 'US'")
        if self.id != self.code.lower():
            raise ValueError(f"id must be the lower-case country code '{self.code.lower()}'")
        for sub in self.subdivisions:
            if not sub.code.startswith(self.code + "-"):
                raise ValueError(f"subdivision {sub.code} does not belong to {self.code}")
        return self


# --- pathway ---------------------------------------------------------------------------------


class Condition(Model):
    """A test on earlier answers, written as data. Exactly one form is used per condition.

    - ``{answer: q, is: v}``: the answer to q is v (or, for multi-choice, includes v)
    - ``{answer: q, any_of: [a, b]}`` / ``{answer: q, none_of: [a, b]}``
    - ``{answered: q}``: q has been answered
    - ``{all: [...]}`` / ``{any: [...]}`` / ``{not: {...}}``
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    answer: Slug | None = None
    is_: Slug | None = Field(default=None, alias="is")
    any_of: list[Slug] | None = None
    none_of: list[Slug] | None = None
    answered: Slug | None = None
    all_: list[Condition] | None = Field(default=None, alias="all")
    any_: list[Condition] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        tests = [self.is_, self.any_of, self.none_of]
        forms = sum(x is not None for x in (self.answered, self.all_, self.any_, self.not_))
        if self.answer is not None:
            if sum(t is not None for t in tests) != 1 or forms:
                raise ValueError("with 'answer', give exactly one of 'is', 'any_of', 'none_of'")
        elif any(t is not None for t in tests):
            raise ValueError("'is', 'any_of' and 'none_of' need 'answer'")
        elif forms != 1:
            raise ValueError("a condition needs exactly one of: answer, answered, all, any, not")
        return self

    def questions(self) -> set[str]:
        """Every question id this condition reads."""
        found: set[str] = set()
        if self.answer:
            found.add(self.answer)
        if self.answered:
            found.add(self.answered)
        for sub in (self.all_ or []) + (self.any_ or []) + ([self.not_] if self.not_ else []):
            found |= sub.questions()
        return found

    def values(self) -> list[tuple[str, str]]:
        """(question, value) pairs this condition names, for checking they exist."""
        pairs: list[tuple[str, str]] = []
        if self.answer:
            for v in [self.is_] if self.is_ else (self.any_of or self.none_of or []):
                pairs.append((self.answer, v))
        for sub in (self.all_ or []) + (self.any_ or []) + ([self.not_] if self.not_ else []):
            pairs.extend(sub.values())
        return pairs


class Option(Model):
    value: Slug
    label: Text
    help: Text | None = None
    exclusive: bool = Field(default=False, description="in a multi-choice, picking it clears the rest")
    # Structure the plan reads: a platform or region this option stands for.
    platform: Slug | None = None
    region: Region | None = None
    # Options of a long list that belong together (social media, messaging, adult sites ...): the
    # wizard shows them under one heading, in the order they come.
    group: Literal["search", "social", "messaging", "video", "adult", "storage", "other"] | None = None


class Question(Model):
    id: Slug
    kind: Literal["single", "multi"]
    prompt: Text
    help: Text | None = None
    options: list[Option] = Field(min_length=2)
    when: Condition | None = None
    role: Literal["country", "region", "age", "language", "where"] | None = None

    @model_validator(mode="after")
    def _unique_values(self) -> Question:
        values = [o.value for o in self.options]
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            raise ValueError(f"option values repeat: {', '.join(dupes)}")
        return self


StepCategory = Literal["safety", "minor", "evidence", "removal", "hashing", "legal", "support", "tool"]


class Step(Model):
    id: Slug
    category: StepCategory
    title: Text
    body: Text
    refs: list[Ref] = Field(default_factory=list)
    when: Condition | None = None
    # Dynamic steps are expanded by the plan builder from the answers: one removal step per
    # platform picked, laws for the place, organizations for place and language, crisis lines and
    # the emergency number for the place.
    expand: Literal["platforms", "laws", "organizations", "crisis"] | None = None
    # Said when the expansion finds nothing for the place (laws), or no service there a person
    # can reach (organizations): the step stays, honest about the gap.
    empty: Text | None = None
    audience: Audience = "everyone"
    offer_if_unsure: bool = False


class Pathway(Item):
    title: Text
    intro: Text
    questions: list[Question] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Pathway:
        for what, ids in (("question", [q.id for q in self.questions]), ("step", [s.id for s in self.steps])):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"{what} ids repeat: {', '.join(dupes)}")
        return self


MODELS: dict[Kind, type[Item]] = {
    Kind.PLACE: Place,
    Kind.PATHWAY: Pathway,
    Kind.ARTICLE: Article,
    Kind.ORGANIZATION: Organization,
    Kind.PLATFORM: Platform,
    Kind.LAW: Law,
    Kind.NOTICE: NoticeTemplate,
    Kind.GLOSSARY: GlossaryTerm,
}

# Folder under content/<locale>/ for each kind.
FOLDERS: dict[Kind, str] = {
    Kind.PLACE: "places",
    Kind.PATHWAY: "pathways",
    Kind.ARTICLE: "articles",
    Kind.ORGANIZATION: "organizations",
    Kind.PLATFORM: "platforms",
    Kind.LAW: "laws",
    Kind.NOTICE: "notices",
    Kind.GLOSSARY: "glossary",
}


def display_title(item: Any) -> str:
    """The human title of any item, whatever its kind calls it."""
    for attr in ("title", "name", "term"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            return value
    return str(getattr(item, "id", ""))
