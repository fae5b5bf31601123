// Placeholder: cdef kernel benchmarks in progress.
