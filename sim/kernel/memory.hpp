#pragma once
// Process-wide allocator settings for runs of many replications.

namespace cadresim::kernel {

/// Asks the C library's allocator to keep freed memory for reuse instead of handing it back
/// to the operating system after each replication: every replication builds its world afresh,
/// and with glibc's defaults the large vectors of one are returned (trimmed or unmapped) and
/// faulted in again, page by page, by the next (about 8 % of a baseline replication,
/// docs/performance.md). The price is a higher peak: blocks freed while vectors grow stay in
/// the heap (a 63-province replication peaks at 126 MB instead of 102 MB). Call once, at the
/// start of `main`; without glibc it does nothing.
void keep_freed_memory_for_reuse();

}  // namespace cadresim::kernel
