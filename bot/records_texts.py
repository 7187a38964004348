"""Every fixed sentence of feedback, /stats and /settings: button labels, the comment form, the
owner's figures and a server's settings, in one place."""

from __future__ import annotations

from bot.translations import Sentence

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
STATS_NOT_OWNER = "Only the bot's owner can see the statistics."
STATS_NO_DATABASE = "No database is connected, so there are no statistics."


def stats_title(days: int) -> str:
    return f"lingnan \u2014 the last {days} days" if days != 1 else "lingnan \u2014 the last day"


QUESTIONS_HEADING = "Questions per day"
ANSWERED_HEADING = "Answered"
HELPFUL_HEADING = "Helpful"
CITED_HEADING = "Most-cited documents"
GAPS_HEADING = "Coverage gaps (unanswered or not helpful)"
NO_QUESTIONS = "No questions in this period."
NO_VOTES = "No votes yet."
NO_CITATIONS = "No quotes shown yet."
NO_GAPS = "None: every question was answered and none was voted unhelpful."
GAPS_WITHOUT_TEXT = (
    "Question texts are not kept (LINGNAN_KEEP_QUESTIONS_DAYS=0): {count} questions."
)
STATS_CSV_NAME = "lingnan-questions.csv"


def share_line(part: int, whole: int, what: str) -> str:
    if whole == 0:
        return f"no {what}"
    return f"{part} of {whole} ({round(100 * part / whole)}%)"


def gap_line(words: str, count: int, example: str) -> str:
    times = "question" if count == 1 else "questions"
    return f"**{words}** \u2014 {count} {times}, e.g. \u201c{example}\u201d"


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
SETTINGS_TITLE = "lingnan on this server"
SETTINGS_SAVED = "Saved. The next answer follows these settings."
SETTINGS_CURRENT = "Change any of these with the options of /settings."
SETTINGS_ONLY_IN_SERVERS = "Settings belong to a server; use /settings in one."
SETTINGS_NEED_MANAGE_SERVER = "Only members who can manage this server can change its settings."
SETTINGS_NOT_SAVED = "The settings could not be saved; it has been logged. Please try again."
MENTIONS_LABEL = "Mentions answered in"
MENTIONS_EVERYWHERE = "every channel"
QUOTES_LABEL = "Quotes per page"
ANSWERS_LABEL = "Answers to /ask"
LANGUAGE_LABEL = "Language of notes and hints"
PUBLIC = "public"
PRIVATE = "private (only the asker sees them)"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "zh": "中文"}
AUTO_LANGUAGE = "the asker's language"
DEFAULT_SUFFIX = " (the bot's default)"
MENTIONS_ARE_PUBLIC = "Mentions are answered in public: a message cannot be answered privately."
