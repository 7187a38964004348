"""Every fixed sentence of feedback, /stats and /settings: button labels, the comment form, the
owner's figures and a server's settings, in one place (translated as `bot.texts` is)."""

from __future__ import annotations

from bot.translations import Counted, Sentence

# --- feedback under answers ---------------------------------------------------------------------

HELPFUL_LABEL = Sentence("feedback.helpful", "Helpful")
NOT_HELPFUL_LABEL = Sentence("feedback.not_helpful", "Not helpful")
HELPFUL_EMOJI = "\U0001f44d"
NOT_HELPFUL_EMOJI = "\U0001f44e"
COMMENT_LABEL = Sentence("feedback.comment", "Add a comment")
COMMENT_FORM_TITLE = Sentence("feedback.form_title", "What should lingnan know?")
COMMENT_FIELD_LABEL = Sentence("feedback.field_label", "Your comment (the bot's owner reads it)")
COMMENT_PLACEHOLDER = Sentence(
    "feedback.placeholder", "What was missing, wrong or especially useful?"
)
COMMENT_MAX_LENGTH = 1000
COMMENT_THANKS = Sentence("feedback.comment_thanks", "Thanks \u2014 your comment is noted.")
COMMENT_NOT_KEPT = Sentence(
    "feedback.comment_not_kept", "Thanks \u2014 this bot keeps no comments, but your vote counts."
)
NO_FEEDBACK_HERE = Sentence(
    "feedback.not_recorded",
    "Feedback cannot be recorded right now; the answer itself is unaffected.",
)
_VOTE_THANKS = {
    (True, True): Sentence(
        "feedback.thanks_helpful_comment",
        "Thanks \u2014 counted as helpful. Press the other button to change your vote; add a "
        "comment if you like.",
    ),
    (True, False): Sentence(
        "feedback.thanks_helpful",
        "Thanks \u2014 counted as helpful. Press the other button to change your vote.",
    ),
    (False, True): Sentence(
        "feedback.thanks_not_helpful_comment",
        "Thanks \u2014 counted as not helpful. Press the other button to change your vote; add "
        "a comment if you like.",
    ),
    (False, False): Sentence(
        "feedback.thanks_not_helpful",
        "Thanks \u2014 counted as not helpful. Press the other button to change your vote.",
    ),
}


def vote_thanks(helpful: bool, *, can_comment: bool, language: str | None = None) -> str:
    return _VOTE_THANKS[helpful, can_comment](language)


# --- /stats -------------------------------------------------------------------------------------

STATS_DESCRIPTION = "Questions, answers, votes and coverage gaps (bot owner only)"
STATS_OPTIONS = {
    "days": "How many days back (default 30)",
    "csv": "Also attach every question of the period as a CSV file",
}
STATS_NOT_OWNER = Sentence("stats.not_owner", "Only the bot's owner can see the statistics.")
STATS_NO_DATABASE = Sentence(
    "stats.no_database", "No database is connected, so there are no statistics."
)
_STATS_TITLE = Counted(
    "stats.title", "lingnan \u2014 the last day", plural="lingnan \u2014 the last {count} days"
)


def stats_title(days: int, language: str | None = None) -> str:
    return _STATS_TITLE(language, count=days)


QUESTIONS_HEADING = Sentence("stats.questions_heading", "Questions per day")
ANSWERED_HEADING = Sentence("stats.answered_heading", "Answered")
HELPFUL_HEADING = Sentence("stats.helpful_heading", "Helpful")
CITED_HEADING = Sentence("stats.cited_heading", "Most-cited documents")
GAPS_HEADING = Sentence("stats.gaps_heading", "Coverage gaps (unanswered or not helpful)")
NO_QUESTIONS = Sentence("stats.no_questions", "No questions in this period.")
NO_CITATIONS = Sentence("stats.no_citations", "No quotes shown yet.")
NO_GAPS = Sentence(
    "stats.no_gaps", "None: every question was answered and none was voted unhelpful."
)
_GAPS_WITHOUT_TEXT = Counted(
    "stats.gaps_without_text",
    "Question texts are not kept (LINGNAN_KEEP_QUESTIONS_DAYS=0): {count} question.",
    plural="Question texts are not kept (LINGNAN_KEEP_QUESTIONS_DAYS=0): {count} questions.",
)
STATS_CSV_NAME = "lingnan-questions.csv"
_DAY_LINE = Sentence("stats.day_line", "`{day}` {questions} ({answered} answered)")
_SHARE = Sentence("stats.share", "{part} of {whole} ({percent}%)")
# A share of nothing: no question asked, no vote cast.
NO_QUESTIONS_SHARE = Sentence("stats.no_questions_share", "no questions")
NO_VOTES_SHARE = Sentence("stats.no_votes_share", "no votes")
_GAP_LINE = Counted(
    "stats.gap_line",
    "**{words}** \u2014 {count} question, e.g. \u201c{example}\u201d",
    plural="**{words}** \u2014 {count} questions, e.g. \u201c{example}\u201d",
)


def gaps_without_text(count: int, language: str | None = None) -> str:
    return _GAPS_WITHOUT_TEXT(language, count=count)


def day_line(day: str, questions: int, answered: int, language: str | None = None) -> str:
    """A day of /stats: "`2025-03-01` 12 (9 answered)"."""
    return _DAY_LINE(language, day=day, questions=questions, answered=answered)


def share_line(part: int, whole: int, nothing: Sentence, language: str | None = None) -> str:
    """ "3 of 4 (75%)", or `nothing` ("no votes") when there is no whole."""
    if whole == 0:
        return nothing(language)
    return _SHARE(language, part=part, whole=whole, percent=round(100 * part / whole))


def gap_line(words: str, count: int, example: str, language: str | None = None) -> str:
    return _GAP_LINE(language, words=words, count=count, example=example)


# --- /settings ----------------------------------------------------------------------------------

SETTINGS_DESCRIPTION = "This server's answers: channels, quotes per page, visibility, language"
SETTINGS_OPTIONS = {
    "quotes_per_page": "Quotes on each page of an answer (1-10)",
    "answers": "Answers to /ask public (everyone sees them) or private (only the asker)",
    "language": "Language of lingnan's own words in answers (auto: the asker's)",
    "answer_mentions_in": "Answer mentions in this channel (once one is set, only in those)",
    "stop_mentions_in": "Stop answering mentions in this channel",
    "mentions_everywhere": "Answer mentions in every channel again",
}
SETTINGS_TITLE = Sentence("settings.title", "lingnan on this server")
SETTINGS_SAVED = Sentence("settings.saved", "Saved. The next answer follows these settings.")
SETTINGS_CURRENT = Sentence(
    "settings.current", "Change any of these with the options of /settings."
)
SETTINGS_ONLY_IN_SERVERS = Sentence(
    "settings.only_in_servers", "Settings belong to a server; use /settings in one."
)
SETTINGS_NEED_MANAGE_SERVER = Sentence(
    "settings.need_manage_server",
    "Only members who can manage this server can change its settings.",
)
SETTINGS_NOT_SAVED = Sentence(
    "settings.not_saved",
    "The settings could not be saved; it has been logged. Please try again.",
)
MENTIONS_LABEL = Sentence("settings.mentions_label", "Mentions answered in")
MENTIONS_EVERYWHERE = Sentence("settings.mentions_everywhere", "every channel")
QUOTES_LABEL = Sentence("settings.quotes_label", "Quotes per page")
ANSWERS_LABEL = Sentence("settings.answers_label", "Answers to /ask")
LANGUAGE_LABEL = Sentence("settings.language_label", "Language of notes and hints")
PUBLIC = Sentence("settings.public", "public")
PRIVATE = Sentence("settings.private", "private (only the asker sees them)")
# Each language by its own name: whoever reads it finds their own.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "zh": "中文"}
AUTO_LANGUAGE = Sentence("settings.auto_language", "the asker's language")
_WITH_DEFAULT = Sentence("settings.with_default", "{value} (the bot's default)")
MENTIONS_ARE_PUBLIC = Sentence(
    "settings.mentions_are_public",
    "Mentions are answered in public: a message cannot be answered privately.",
)


def with_default(value: str, language: str | None = None) -> str:
    """A setting's value that is the bot's default: "3 (the bot's default)"."""
    return _WITH_DEFAULT(language, value=value)
