// Placeholder: loopfilter kernel benchmarks in progress.
