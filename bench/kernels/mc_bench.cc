// Placeholder: mc kernel benchmarks in progress.
