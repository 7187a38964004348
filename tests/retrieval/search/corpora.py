"""The hand-made corpora of the searcher's tests: `(document, paragraph, language, text)` rows
and `{document: (title, language)}`, all invented for the tests."""

from __future__ import annotations

# ---- figures, three languages, a speech whose speaker is only in its title ------------------

TEXTS = [
    ("en", "Governor Wang Weizhong headed the event in Guangzhou."),
    ("en", "The economy grew by 4.8%, with the total volume exceeding 13 trillion yuan."),
    ("en", "Guangdong collected 8,437 new crop germplasm samples."),
    ("en", "The plan attracts capital and investment into strategic emerging industries."),
    ("en", "Quantum science, brain-computer interfaces and 6G are priorities."),
    ("de", "Gouverneur Wang Weizhong leitete die Veranstaltung."),
    ("zh", "省商务厅厅长张劲松称,广东抓好4张招商清单。"),
    ("zh", "2024年广东预计全省地区生产总值将突破14万亿元。"),
    ("en", "The province will support enterprises in research and development."),
    ("en", "Guangdong will support R&D institutions and enterprises."),
    ("zh", "2025年将创新招商方式,吸引海外主权基金。"),
    ("speech", "We should regard talents as treasures."),
]
TITLES = {
    "doc-en": ("T en", "en"),
    "doc-de": ("T de", "de"),
    "doc-zh": ("T zh", "zh"),
    "doc-speech": ("Huang Kunming's speech", "en"),
}

# ---- paragraphs naming a speaker once, names in two scripts, near-miss spellings -------------

SPEECHES = [
    (
        "release",
        1,
        "en",
        "Governor Li Mingde emphasized that the industrial basis must be modernized.",
    ),
    ("release", 1, "en", "The province will promote future industries such as robotics."),
    ("release", 2, "en", "Governor Li Mingde headed the event in the city."),
    ("release", 3, "en", "Huang further said that new industries such as chips are a priority."),
    ("release", 4, "en", "Intelligent machines are built in Shenzhen's new factories."),
    ("release", 4, "en", "Artificial intelligence research grows in Shenzhen and in Shenzhen."),
    ("release", 5, "en", "Exporters of robotics met in the port."),
    ("release", 6, "en", "The city opened a new metro line and two bridges."),
    ("release", 7, "en", "Farmers collected new crop samples for the seed bank."),
    ("release", 8, "en", "The new airport terminal will open next spring."),
    ("freigabe", 1, "de", "Robotik gilt als Zukunftsbranche."),
    ("speech", 1, "en", "Drones made here sell well all over the world."),
    ("speech", 2, "en", "We should regard talents as treasures."),
    ("report", 1, "zh", "省商务厅厅长张劲松称,广东抓好招商清单。"),
    (
        "report",
        2,
        "en",
        "Zhang Jinsong, director of commerce, noted that recruitment lists matter.",
    ),
    ("report", 3, "en", "The harbour handled more containers than ever."),
]
SPEECH_TITLES = {
    "release": ("Province news", "en"),
    "freigabe": ("Nachrichten", "de"),
    "speech": ("Zhou Hua's speech at the conference", "en"),
    "report": ("Department heads", "en"),
}

# ---- a person and a subject, acronyms, lone digits, title passages --------------------------

WEAK_SPOTS = [
    ("report", 1, "en", "Huang Chuping, director of the congress, attended the meeting."),
    ("report", 2, "en", "Ai Lin, director of planning, spoke about the new harbour."),
    ("report", 3, "en", "The province will expand AI applications in its factories."),
    ("report", 4, "en", "Robotics and artificial intelligence are pillars of the new economy."),
    ("report", 5, "zh", "去年1-11月签约项目1个,金额1亿美元,排名第1。"),
    ("report", 6, "en", "Exporters of robotics met in the port and showed their robotics."),
    ("freigabe", 1, "de", "Künstliche Intelligenz und Robotik gelten als Zukunftsbranchen."),
    ("speech", 1, "en", "Zhou Hua's speech on drones"),
    ("speech", 2, "en", "Zhou Hua said drones sell well abroad."),
    ("speech", 3, "en", "Farmers in the hills grow tea for export."),
]
WEAK_SPOT_TITLES = {
    "report": ("Department heads", "en"),
    "freigabe": ("Nachrichten", "de"),
    "speech": ("Zhou Hua's speech on drones", "en"),
}


# ---- filler: news on other topics, one sentence a paragraph ----------------------------------

FILLER_SENTENCES = (
    "The harbour handled more containers than ever.",
    "Farmers collected new crop samples for the seed bank.",
    "The new airport terminal will open next spring.",
    "The city opened a new metro line and two bridges.",
    "Fishing boats returned early because of the storm.",
    "A new museum of ceramics opened in the old town.",
)


def filler(document: str, count: int = 4) -> list[tuple[str, int, str, str]]:
    """``count`` rows of unrelated news in ``document``, one paragraph each: enough passages
    that a hand-made corpus gives its rare words a positive idf."""
    return [(document, n, "en", text) for n, text in enumerate(FILLER_SENTENCES[:count], 1)]
