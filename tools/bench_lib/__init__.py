"""Helpers of tools/bench: measured child processes, generated organisations, the
measurements with their baselines, and the report."""
