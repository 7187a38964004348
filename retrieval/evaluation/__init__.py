"""Answer quality: question sets, scoring, the baselines lingnan is compared with, the report."""
