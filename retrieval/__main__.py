"""``python -m retrieval``: search the corpus, list documents and officials, build an index."""

import sys

from retrieval.cli import main

sys.exit(main())
