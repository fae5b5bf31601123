// Placeholder: looprestoration kernel benchmarks in progress.
