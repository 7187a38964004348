"""The sentences of a long text that say the most: those whose words carry the most idf.

"Find sources" searches for what a message says; a message of several sentences is searched
sentence by sentence (a question of five sentences would need most of their words in one
passage), and only its telling sentences: those with the rarest words in the corpus, where a
claim's names, figures and subjects are, not its greetings.
"""

from __future__ import annotations

from retrieval.index import BM25Index
from retrieval.sentences import split_sentences
from retrieval.tokenize import Tokenizer

# Sentences searched for one message: a claim or three, not an essay.
TELLING_SENTENCES = 3
# A sentence with less idf than this share of the best one's says little next to it.
_LEAST_SHARE_OF_BEST = 0.3


def telling_sentences(
    text: str, index: BM25Index, tokenizer: Tokenizer, count: int = TELLING_SENTENCES
) -> list[str]:
    """Up to ``count`` sentences of ``text`` whose index terms weigh the most idf, in the order
    the text has them. A sentence holding no word the corpus knows, or far less weight than
    the best one (a greeting next to a claim), is left out."""
    language = tokenizer.question_language(text) or tokenizer.query_languages(text)[0]
    sentences = [text[start:end] for start, end in split_sentences(text, language)]
    weights = [
        sum(
            index.idf(term) for term in set(tokenizer.tokenize(sentence, language)) if term in index
        )
        for sentence in sentences
    ]
    if not sentences or max(weights) <= 0:
        return []
    floor = max(weights) * _LEAST_SHARE_OF_BEST
    ranked = sorted(range(len(sentences)), key=lambda i: (-weights[i], i))
    chosen = sorted(i for i in ranked[:count] if weights[i] > 0 and weights[i] >= floor)
    return [sentences[i] for i in chosen]
