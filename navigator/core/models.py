"""Typed content models.

Every kind of content the app shows is a frozen pydantic model that forbids unknown fields.
Fields that hold words a person reads are declared with the ``Text`` type: only those may be
changed by a translation (see ``navigator.core.translation``). Everything else is structure
(ids, option values, URLs, phone numbers, conditions, dates) and lives only in the English file.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


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


def _https(value: str) -> str:
    if not value.startswith("https://") or len(value) <= len("https://") or " " in value:
        raise ValueError(f"{value!r} is not an https:// address")
    return value


def _link(value: str) -> str:
    if value.startswith(("https://", "tel:", "mailto:")) or LINK_RE.fullmatch(value):
        if " " in value:
            raise ValueError(f"{value!r} contains a space")
        return value
    raise ValueError(f"{value!r} must start with https://, tel:, mailto: or navigator://")


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
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- common pieces -------------------------------------------------------------------------


class Source(Model):
    """Where a fact was read, and the date of the page that was read (not of today)."""

    url: HttpsUrl
    title: str | None = None
    source_date: str | None = Field(default=None, description="date or year of the page read")


class Item(Model):
    """Fields every content item shares."""

    id: Slug
    reviewed: date
    sources: list[Source] = Field(min_length=1)
    # Editorial notes on what could not be confirmed. English only; shown to editors by
    # `navigator check --freshness` and to readers as a short "some details unconfirmed" line.
    unverified: list[str] = Field(default_factory=list)

    def source_urls(self) -> set[str]:
        return {s.url for s in self.sources}


class Kind(StrEnum):
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


ChannelKind = Literal["phone", "text", "chat", "web_form", "email", "tty", "website"]


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
            if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", self.value):
                raise ValueError(f"{self.value!r} is not an email address")
        elif not re.fullmatch(r"[+0-9A-Z][0-9A-Z .()\-]*", self.value):
            raise ValueError(f"{self.value!r} is not a phone number or short code")
        return self

    def href(self) -> str:
        if self.kind in ("phone", "tty"):
            return "tel:" + re.sub(r"[^+0-9A-Z]", "", self.value)
        if self.kind == "email":
            return "mailto:" + self.value
        if self.kind == "text":
            return "sms:" + re.sub(r"[^+0-9A-Z]", "", self.value)
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
    cost: Cost
    confidentiality: Text | None = None
    related: list[Ref] = Field(default_factory=list)


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


class Platform(Item):
    name: Text
    category: Literal["search", "social", "messaging", "video", "adult", "infrastructure", "app_store", "payment", "code_host", "regulator"]
    summary: Text
    routes: list[Route] = Field(min_length=1)
    prepare: list[Text] = Field(min_length=1, description="what the report needs")
    response_time: Text | None = None
    response_hours: int | None = Field(default=None, ge=1)
    on_behalf: Literal["yes", "representative", "no", "unknown"]
    stopncii: Tristate
    take_it_down: Tristate = "unknown"
    tida_covered: Literal["yes", "likely", "no", "unknown"]
    if_it_fails: list[Text] = Field(min_length=1)
    related: list[Ref] = Field(default_factory=list)


# --- laws ------------------------------------------------------------------------------------

LawStatus = Literal["in_force", "enacted", "passed_one_chamber", "introduced", "not_enacted", "repealed"]


class Law(Item):
    jurisdiction: Region
    title: Text
    citation: str = Field(min_length=1)
    status: LawStatus
    status_date: date
    status_note: Text | None = None
    summary: Text
    for_you: list[Text] = Field(min_length=1)
    does_not: list[Text] = Field(min_length=1)
    kind: Literal["criminal", "civil", "platform_duty", "regulator", "mixed"]
    related: list[Ref] = Field(default_factory=list)


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


class NoticeField(Model):
    id: Slug
    label: Text
    help: Text | None = None
    required: bool = True
    multiline: bool = False


class NoticeTemplate(Item):
    title: Text
    kind: Literal["tida", "platform_policy", "copyright", "search_removal", "escalation"]
    summary: Text
    before_you_send: list[Text] = Field(default_factory=list)
    fields: list[NoticeField] = Field(min_length=1)
    body: Text = Field(description="text with {field_id} placeholders")
    related: list[Ref] = Field(default_factory=list)

    @model_validator(mode="after")
    def _placeholders_known(self) -> NoticeTemplate:
        names = set(re.findall(r"\{([a-z0-9_-]+)\}", self.body))
        known = {f.id for f in self.fields} | {"date"}
        unknown = sorted(names - known)
        if unknown:
            raise ValueError(f"body uses placeholders with no field: {', '.join(unknown)}")
        return self


# --- pathway ---------------------------------------------------------------------------------


class Condition(Model):
    """A test on earlier answers, written as data. Exactly one form is used per condition.

    - ``{answer: q, is: v}``: the answer to q is v (or, for multi-choice, includes v)
    - ``{answer: q, any_of: [a, b]}`` / ``{answer: q, none_of: [a, b]}``
    - ``{answered: q}``: q has been answered
    - ``{all: [...]}`` / ``{any: [...]}`` / ``{not: {...}}``
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

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
    # Dynamic steps are expanded by the plan builder from the answers:
    # one removal step per platform picked, laws for the place, organizations for place and language.
    expand: Literal["platforms", "laws", "organizations"] | None = None


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
