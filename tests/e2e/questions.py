"""Questions for load tests and the benchmark: answerable ones in three languages, and one the
corpus has no passage for (the other kind of answer, which must hold up under load too)."""

LOAD_QUESTIONS = [
    "artificial intelligence and robotics",
    "manufacturing",
    "industrial development Guangdong",
    "low-altitude economy",
    "What priority do artificial intelligence and robotics have?",
    "Which strategic industrial clusters is Guangdong strengthening?",
    "Was sagte Huang Kunming über künstliche Intelligenz und Robotik?",
    "2025年广东如何创新招商方式？",
    "basic research funding",
    "semiconductors",
]
